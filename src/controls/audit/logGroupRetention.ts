import { defineControl } from '../api.js';
import { isPresent } from '../predicates.js';
import { asNumber } from '../../model/value.js';

/** Values CloudWatch Logs accepts for RetentionInDays. */
const ALLOWED = new Set([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]);

export default defineControl({
  id: 'AT-LOG-001',
  title: 'CloudWatch log groups set a retention period',
  domain: 'audit',
  severity: 'low',
  resourceTypes: ['AWS::Logs::LogGroup'],
  rationale: 'Without RetentionInDays logs are kept forever: personal data in them outlives any retention policy and storage grows unbounded. An explicit period documents the decision.',
  remediation: 'Set RetentionInDays to the period your retention policy requires (for audit logs typically 365 days or more).',
  remediationTerraform: 'Set retention_in_days on the aws_cloudwatch_log_group to a period CloudWatch accepts that matches your retention policy (typically 365 or more for audit logs); 0 or unset keeps events forever.',
  references: { checkov: ['CKV_AWS_66'], cfn_nag: ['W86'], guard: ['CW_LOGGROUP_RETENTION_PERIOD_CHECK'] },
  evaluate(r) {
    return r.expect('RetentionInDays', (v) => {
      const p = isPresent(v);
      if (p !== true) return p;
      const n = asNumber(v);
      return n !== undefined && ALLOWED.has(n);
    }, {
      pass: 'log events expire after a set retention period',
      fail: 'RetentionInDays is not set to a valid period: log events are kept indefinitely (or the value is rejected)',
    });
  },
});
