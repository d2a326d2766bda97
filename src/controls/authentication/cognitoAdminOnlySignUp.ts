import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-COG-005',
  title: 'Cognito user pools allow only administrators to create users',
  domain: 'authentication',
  severity: 'low',
  resourceTypes: ['AWS::Cognito::UserPool'],
  rationale: 'With self sign-up anyone on the internet can create an account and obtain tokens; for workforce and internal pools that is an authentication bypass. Public consumer pools may accept this finding deliberately.',
  remediation: 'Set AdminCreateUserConfig.AllowAdminCreateUserOnly: true, or suppress the finding with a reason for pools meant for public sign-up.',
  remediationTerraform: 'Set admin_create_user_config { allow_admin_create_user_only = true } on the aws_cognito_user_pool, or suppress the finding with a reason for pools meant for public sign-up.',
  references: {},
  evaluate(r) {
    return r.expect('AdminCreateUserConfig.AllowAdminCreateUserOnly', isTrue, {
      pass: 'only administrators can create users',
      fail: 'self sign-up is allowed: anyone can create an account (AllowAdminCreateUserOnly is not true)',
      unknown: 'whether self sign-up is allowed depends on a parameter',
    });
  },
});
