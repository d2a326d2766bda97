import { defineControl } from '../api.js';
import { asNumber } from '../../model/value.js';

export default defineControl({
  id: 'AT-KMS-004',
  title: 'KMS keys keep a deletion waiting period of at least 14 days',
  domain: 'data-protection',
  severity: 'low',
  resourceTypes: ['AWS::KMS::Key'],
  rationale: 'Deleting a key makes everything encrypted with it unrecoverable; the waiting period is the only chance to notice and cancel a mistaken or malicious deletion (for example when the stack is deleted). Two weeks leaves time for alarms and a human response; the 7-day minimum often does not.',
  remediation: 'Leave PendingWindowInDays unset (30 days) or set it to 14 or more.',
  remediationTerraform: 'Leave deletion_window_in_days on the aws_kms_key unset (30 days) or set it to 14 or more.',
  references: {},
  evaluate(r) {
    return r.expect('PendingWindowInDays', (v) => {
      if (!v) return true;
      if (v.k === 'unknown') return { unknown: v };
      const n = asNumber(v);
      return n !== undefined && n >= 14;
    }, {
      pass: 'the deletion waiting period is at least 14 days (30 when unset)',
      fail: 'PendingWindowInDays is below 14: a scheduled deletion leaves little time to notice and cancel it',
      unknown: 'the deletion waiting period depends on a parameter',
    });
  },
});
