import { defineControl } from '../api.js';
import { asNumber } from '../../model/value.js';

export default defineControl({
  id: 'AT-LOG-003',
  title: 'CloudWatch log groups keep events for at least one year',
  domain: 'audit',
  severity: 'low',
  resourceTypes: ['AWS::Logs::LogGroup'],
  rationale: 'Intrusions are often found months after they start; logs kept for weeks are gone by the time they are needed. A log group without a retention keeps events for ever and passes here (AT-LOG-001 asks for a retention to be set at all).',
  remediation: 'Set RetentionInDays to 365 or more (or export older events to S3).',
  remediationTerraform: 'Set retention_in_days = 365 or more on the aws_cloudwatch_log_group (or export older events to S3).',
  references: {},
  evaluate(r) {
    const v = r.get('RetentionInDays');
    const at = r.locate('RetentionInDays');
    const ev = [r.evidence('RetentionInDays', v, v === undefined ? 'not set: events never expire' : undefined)];
    if (v?.k === 'unknown') return r.unknown('the retention depends on a value not known statically', v, at, ev);
    const n = asNumber(v);
    if (v === undefined || n === 0) return r.pass('events never expire', at, ev);
    if (n !== undefined && n >= 365) return r.pass(`events are kept for ${n} days`, at, ev);
    return r.fail(`events are kept for ${n ?? '?'} days, less than a year`, at, ev);
  },
});
