import { defineControl } from '../api.js';
import { oneOf } from '../predicates.js';

export default defineControl({
  id: 'AT-COG-002',
  title: 'Cognito user pools require MFA for every user (MfaConfiguration ON)',
  domain: 'authentication',
  severity: 'high',
  resourceTypes: ['AWS::Cognito::UserPool'],
  rationale: 'A second factor stops most account takeovers by phished or reused passwords. OPTIONAL leaves the choice to each user, so most accounts stay single-factor; it is treated as a failure here.',
  remediation: 'Set MfaConfiguration: "ON" and enable a factor (SoftwareTokenMfaConfiguration, SmsConfiguration or EnabledMfas).',
  remediationTerraform: 'Set mfa_configuration = "ON" on the aws_cognito_user_pool and enable a factor (software_token_mfa_configuration { enabled = true }, sms_configuration or email_mfa_configuration).',
  references: { cdk_nag: ['AwsSolutions-COG2'] },
  evaluate(r) {
    return r.expect('MfaConfiguration', oneOf(['ON']), {
      pass: 'MFA is required for every user',
      fail: 'MFA is not required: MfaConfiguration is OFF, OPTIONAL or unset (OFF), so users can sign in with a password alone',
      unknown: 'the MFA setting depends on a parameter',
    });
  },
});
