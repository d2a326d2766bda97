import { defineControl, type Verdict } from '../api.js';
import { asList, asString } from '../../model/value.js';

const PLAIN = ['ALLOW_USER_PASSWORD_AUTH', 'USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'];

export default defineControl({
  id: 'AT-COG-008',
  title: 'Cognito app clients do not enable plain-password authentication flows',
  domain: 'authentication',
  severity: 'medium',
  resourceTypes: ['AWS::Cognito::UserPoolClient'],
  rationale: 'USER_PASSWORD_AUTH (and the legacy ADMIN_NO_SRP_AUTH) send the password itself to Cognito, so it passes through every proxy and log on the way; the SRP flow proves knowledge of the password without sending it.',
  remediation: 'Remove ALLOW_USER_PASSWORD_AUTH / USER_PASSWORD_AUTH / ADMIN_NO_SRP_AUTH from ExplicitAuthFlows and use ALLOW_USER_SRP_AUTH (plus ALLOW_REFRESH_TOKEN_AUTH).',
  remediationTerraform: 'Remove ALLOW_USER_PASSWORD_AUTH, USER_PASSWORD_AUTH and ADMIN_NO_SRP_AUTH from explicit_auth_flows on the aws_cognito_user_pool_client and use ALLOW_USER_SRP_AUTH (plus ALLOW_REFRESH_TOKEN_AUTH).',
  references: {},
  evaluate(r) {
    return r.expect('ExplicitAuthFlows', (v): Verdict => {
      if (!v) return true;
      if (v.k === 'unknown') return { unknown: v };
      const items = asList(v) ?? [];
      if (items.some((i) => PLAIN.includes(asString(i) ?? ''))) return false;
      const u = items.find((i) => i.k === 'unknown');
      return u && u.k === 'unknown' ? { unknown: u } : true;
    }, {
      pass: 'no plain-password authentication flow is enabled (SRP or the defaults)',
      fail: `ExplicitAuthFlows enables a flow that sends the password itself (${PLAIN.join(', ')})`,
      unknown: 'the enabled authentication flows depend on a parameter',
    });
  },
});
