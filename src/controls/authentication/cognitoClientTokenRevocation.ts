import { defineControl, type Verdict } from '../api.js';
import { isFalse } from '../predicates.js';

export default defineControl({
  id: 'AT-COG-011',
  title: 'Cognito app clients keep token revocation enabled',
  domain: 'authentication',
  severity: 'medium',
  resourceTypes: ['AWS::Cognito::UserPoolClient'],
  rationale: 'Token revocation lets sign-out and administrators invalidate refresh tokens (and the access tokens minted from them); without it a stolen refresh token works until it expires.',
  remediation: 'Remove EnableTokenRevocation: false (revocation is on by default).',
  remediationTerraform: 'Remove enable_token_revocation = false from the aws_cognito_user_pool_client (Cognito turns revocation on when it is not set) or set it to true.',
  references: {},
  evaluate(r) {
    return r.expect('EnableTokenRevocation', (v): Verdict => {
      const f = isFalse(v);
      return f === true ? false : f === false ? true : f;
    }, {
      pass: 'token revocation is enabled (not set to false)',
      fail: 'EnableTokenRevocation is false: refresh tokens cannot be revoked',
      unknown: 'token revocation depends on a parameter',
    });
  },
});
