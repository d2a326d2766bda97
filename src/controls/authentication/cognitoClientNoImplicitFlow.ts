import { defineControl, type Verdict } from '../api.js';
import { asList, asString } from '../../model/value.js';

export default defineControl({
  id: 'AT-COG-007',
  title: 'Cognito app clients do not allow the OAuth implicit grant',
  domain: 'authentication',
  severity: 'high',
  resourceTypes: ['AWS::Cognito::UserPoolClient'],
  rationale: 'The implicit grant returns tokens in the redirect URL fragment, where browser history, referrers and injected scripts can read them, and it cannot use PKCE; OAuth 2.0 security best practice deprecates it.',
  remediation: 'Remove "implicit" from AllowedOAuthFlows and use the authorization code grant ("code") with PKCE.',
  remediationTerraform: 'Remove "implicit" from allowed_oauth_flows on the aws_cognito_user_pool_client and use the authorization code grant ("code") with PKCE.',
  references: {},
  evaluate(r) {
    return r.expect('AllowedOAuthFlows', (v): Verdict => {
      if (!v) return true;
      if (v.k === 'unknown') return { unknown: v };
      const items = asList(v) ?? [];
      const u = items.find((i) => i.k === 'unknown');
      if (items.some((i) => asString(i) === 'implicit')) return false;
      return u && u.k === 'unknown' ? { unknown: u } : true;
    }, {
      pass: 'the implicit grant is not allowed',
      fail: 'AllowedOAuthFlows includes "implicit": tokens are returned in the redirect URL',
      unknown: 'the allowed OAuth flows depend on a parameter',
    });
  },
});
