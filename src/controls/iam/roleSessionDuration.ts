import { defineControl } from '../api.js';
import { asNumber } from '../../model/value.js';

export default defineControl({
  id: 'AT-IAM-014',
  title: 'IAM role sessions last at most one hour',
  domain: 'iam',
  severity: 'low',
  resourceTypes: ['AWS::IAM::Role'],
  rationale: 'Temporary credentials stay valid until they expire even after the session that obtained them is revoked elsewhere; the default one-hour session keeps the window for stolen credentials short.',
  remediation: 'Leave MaxSessionDuration unset (3600 seconds) or set it to 3600 or less; grant longer sessions only to roles that demonstrably need them.',
  remediationTerraform: 'Leave max_session_duration on the aws_iam_role unset (3600 seconds) or set it to 3600 or less; grant longer sessions only to roles that demonstrably need them.',
  references: {},
  evaluate(r) {
    return r.expect('MaxSessionDuration', (v) => {
      if (!v) return true;
      if (v.k === 'unknown') return { unknown: v };
      const n = asNumber(v);
      return n !== undefined && n <= 3600;
    }, {
      pass: 'role sessions last at most one hour (3600 seconds, the default when unset)',
      fail: 'MaxSessionDuration exceeds 3600 seconds: credentials of this role stay valid for more than an hour',
      unknown: 'the maximum session duration depends on a parameter',
    });
  },
});
