import { defineControl } from '../api.js';
import { oneOf } from '../predicates.js';

export default defineControl({
  id: 'AT-COG-009',
  title: 'Cognito app clients prevent user existence errors',
  domain: 'authentication',
  severity: 'medium',
  resourceTypes: ['AWS::Cognito::UserPoolClient'],
  rationale: 'With LEGACY errors, sign-in and password-reset responses reveal whether a user name exists, which lets attackers enumerate accounts before guessing passwords.',
  remediation: 'Set PreventUserExistenceErrors: ENABLED (CloudFormation uses LEGACY when it is unset).',
  remediationTerraform: 'Set prevent_user_existence_errors = "ENABLED" on the aws_cognito_user_pool_client.',
  references: {},
  evaluate(r) {
    return r.expect('PreventUserExistenceErrors', oneOf(['ENABLED']), {
      pass: 'user existence errors are suppressed (ENABLED)',
      fail: 'PreventUserExistenceErrors is not ENABLED (LEGACY when unset): responses reveal whether a user exists',
      unknown: 'the user existence error setting depends on a parameter',
    });
  },
});
