import { defineControl } from '../api.js';
import { asNumber } from '../../model/value.js';

export default defineControl({
  id: 'AT-COG-006',
  title: 'Cognito temporary passwords expire within 7 days',
  domain: 'authentication',
  severity: 'low',
  resourceTypes: ['AWS::Cognito::UserPool'],
  rationale: 'Temporary passwords are sent by email or SMS and sit in mailboxes; an unused one that stays valid for weeks is a standing way into the account.',
  remediation: 'Leave Policies.PasswordPolicy.TemporaryPasswordValidityDays unset (7) or set it to 7 or fewer.',
  remediationTerraform: 'Leave temporary_password_validity_days in the aws_cognito_user_pool\'s password_policy block unset (7) or set it to 7 or fewer.',
  references: {},
  evaluate(r) {
    return r.expect('Policies.PasswordPolicy.TemporaryPasswordValidityDays', (v) => {
      if (!v) return true;
      if (v.k === 'unknown') return { unknown: v };
      const n = asNumber(v);
      return n !== undefined && n <= 7;
    }, {
      pass: 'temporary passwords expire within 7 days (7 when unset)',
      fail: 'TemporaryPasswordValidityDays is over 7: unused temporary passwords stay valid too long',
      unknown: 'the temporary password validity depends on a parameter',
    });
  },
});
