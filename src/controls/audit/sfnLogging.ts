import { decide, defineControl, evidenceAt, type Outcome } from '../api.js';
import { asString, prop } from '../../model/value.js';

export default defineControl({
  id: 'AT-SFN-001',
  title: 'Step Functions state machines log their executions',
  domain: 'audit',
  severity: 'medium',
  resourceTypes: ['AWS::StepFunctions::StateMachine', 'AWS::Serverless::StateMachine'],
  rationale: 'Execution history is kept by the service only for a limited time and not at all for Express workflows. A logging configuration (level ERROR, FATAL or ALL, with a log group) keeps a record of failed and completed executions for as long as the log group retains it.',
  remediation: 'Set LoggingConfiguration.Level to ERROR or ALL with a Destinations entry naming a CloudWatch Logs log group (SAM: Logging).',
  remediationTerraform: 'Add logging_configuration { level = "ERROR" (or "ALL"), log_destination = "${aws_cloudwatch_log_group.x.arn}:*" } to the aws_sfn_state_machine.',
  references: { checkov: ['CKV_AWS_285'] },
  evaluate(r): Outcome {
    const base = r.type === 'AWS::Serverless::StateMachine' ? 'Logging' : 'LoggingConfiguration';
    const cfg = r.get(base);
    if (cfg?.k === 'unknown') return r.unknown('the logging configuration is not known', cfg, r.locate(base), [r.evidence(base)]);
    const level = prop(cfg, 'Level');
    const at = r.locate(`${base}.Level`);
    const ev = [r.evidence(`${base}.Level`, level, level ? undefined : 'not set: OFF')];
    const d = decide(level, (v) => (v && v.k === 'unknown' ? { unknown: v } : ['ALL', 'ERROR', 'FATAL'].includes((asString(v) ?? 'OFF').toUpperCase())));
    if (d === false) return r.fail(`execution logging is off (Level ${asString(level) ?? 'not set, which is OFF'})`, at, ev);
    if (d !== true) return r.unknown('the logging level depends on a deploy-time value', d.unknown, at, ev);
    const dests = prop(cfg, 'Destinations');
    const dat = r.locate(`${base}.Destinations`);
    if (dests?.k === 'unknown') return r.unknown('the log destinations are not known', dests, dat, [...ev, evidenceAt(`Properties.${base}.Destinations`, dests, dat)]);
    if (dests?.k !== 'list' || dests.items.length === 0) return r.fail(`Level is ${asString(level)} but no log group is named in Destinations: nothing is written`, dat, [...ev, evidenceAt(`Properties.${base}.Destinations`, dests, dat, 'not set')]);
    return r.pass(`executions are logged at level ${asString(level)}`, at, [...ev, evidenceAt(`Properties.${base}.Destinations`, dests, dat)]);
  },
});
