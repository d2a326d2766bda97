import { decide, defineControl, evidenceAt, type Outcome } from '../api.js';
import { asString, prop } from '../../model/value.js';
import type { Value } from '../../model/types.js';

const LEVELS = ['ERROR', 'INFO'];

/** The MethodSettings entry that applies to every method (`/*` and `*`). */
function wildcard(items: Value[]): Value | undefined {
  return items.find((i) => asString(prop(i, 'ResourcePath')) === '/*' && asString(prop(i, 'HttpMethod')) === '*');
}

export default defineControl({
  id: 'AT-APIGW-008',
  title: 'API Gateway REST stages write execution logs for every method',
  domain: 'audit',
  severity: 'medium',
  resourceTypes: ['AWS::ApiGateway::Stage', 'AWS::Serverless::Api'],
  rationale: 'Execution logs record how API Gateway handled each request: authorizer decisions, integration errors and throttling. Access logs alone say a request failed, not why; without execution logs, failed authorisations and integration faults leave no detail to investigate.',
  remediation: 'Add a MethodSettings entry with ResourcePath "/*", HttpMethod "*" and LoggingLevel ERROR or INFO.',
  remediationTerraform: 'Declare an aws_api_gateway_method_settings for the stage with method_path = "*/*" and settings { logging_level = "ERROR" (or "INFO") }.',
  references: { guard: ['API_GW_EXECUTION_LOGGING_ENABLED'] },
  evaluate(r): Outcome {
    const ms = r.get('MethodSettings');
    if (ms?.k === 'unknown') return r.unknown('the method settings are not known', ms, r.locate('MethodSettings'), [r.evidence('MethodSettings')]);
    const items = ms?.k === 'list' ? ms.items : [];
    const unknownItem = items.find((i) => i.k === 'unknown');
    const all = wildcard(items);
    if (!all) {
      if (unknownItem?.k === 'unknown') return r.unknown('a method setting is not known', unknownItem, unknownItem.loc, [r.evidence('MethodSettings')]);
      return r.fail('no MethodSettings entry for all methods (ResourcePath /*, HttpMethod *) sets a LoggingLevel: execution logging is off (OFF is the default)', r.locate('MethodSettings'), [r.evidence('MethodSettings', ms, 'no entry for /* and *')]);
    }
    const level = prop(all, 'LoggingLevel');
    const at = all.k === 'object' ? all.keyLocs.get('LoggingLevel') ?? all.loc : all.loc;
    const ev = [evidenceAt('Properties.MethodSettings[/*,*].LoggingLevel', level, at)];
    const d = decide(level, (v) => (v && v.k === 'unknown' ? { unknown: v } : LEVELS.includes((asString(v) ?? '').toUpperCase())));
    if (d === true) return r.pass(`every method writes execution logs at level ${asString(level)}`, at, ev);
    if (d === false) return r.fail(`the LoggingLevel for all methods is ${asString(level) ?? 'not set (OFF)'}: execution logging is off`, at, ev);
    return r.unknown('the execution logging level depends on a deploy-time value', d.unknown, at, ev);
  },
});
