import { decide, defineControl, evidenceAt, type Outcome } from '../api.js';
import { asBool, asString, prop } from '../../model/value.js';

export default defineControl({
  id: 'AT-APIGW-009',
  title: 'API Gateway REST stages do not log full request and response bodies',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::ApiGateway::Stage', 'AWS::Serverless::Api'],
  rationale: 'Data tracing writes whole requests and responses, headers and bodies included, to CloudWatch Logs. Tokens, passwords and personal data sent to the API then sit in log groups that many more people can read than the API itself. AWS advises against it outside debugging.',
  remediation: 'Remove DataTraceEnabled: true from MethodSettings, or set it to false.',
  remediationTerraform: 'Remove data_trace_enabled = true from the settings block of the stage\'s aws_api_gateway_method_settings, or set it to false.',
  references: {},
  evaluate(r): Outcome {
    const ms = r.get('MethodSettings');
    if (ms?.k === 'unknown') return r.unknown('the method settings are not known', ms, r.locate('MethodSettings'), [r.evidence('MethodSettings')]);
    const items = ms?.k === 'list' ? ms.items : [];
    let unknown: Outcome | undefined;
    for (const [i, it] of items.entries()) {
      const v = it.k === 'unknown' ? it : prop(it, 'DataTraceEnabled');
      if (v === undefined) continue;
      const at = it.k === 'object' ? it.keyLocs.get('DataTraceEnabled') ?? it.loc : it.loc;
      const ev = [evidenceAt(`Properties.MethodSettings[${i}].DataTraceEnabled`, v, at)];
      const d = decide(v, (x) => (x && x.k === 'unknown' ? { unknown: x } : asBool(x) !== true));
      const which = `${asString(prop(it, 'ResourcePath')) ?? '?'} ${asString(prop(it, 'HttpMethod')) ?? '?'}`;
      if (d === false) return r.fail(`DataTraceEnabled is true for ${which}: full requests and responses are written to CloudWatch Logs`, at, ev);
      if (d !== true && !unknown) unknown = r.unknown(`whether ${which} logs full requests depends on a deploy-time value`, d.unknown, at, ev);
    }
    if (unknown) return unknown;
    return r.pass('no method setting enables data tracing (it is off by default)', r.locate('MethodSettings'), [r.evidence('MethodSettings')]);
  },
});
