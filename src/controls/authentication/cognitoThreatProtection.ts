import { defineControl } from '../api.js';
import { oneOf } from '../predicates.js';

export default defineControl({
  id: 'AT-COG-003',
  title: 'Cognito user pools enforce advanced security (threat protection)',
  domain: 'authentication',
  severity: 'medium',
  resourceTypes: ['AWS::Cognito::UserPool'],
  rationale: 'Enforced advanced security detects compromised credentials and risky sign-ins and blocks or challenges them; AUDIT only records the risk.',
  remediation: 'Set UserPoolAddOns.AdvancedSecurityMode: ENFORCED (requires the Plus feature plan).',
  remediationTerraform: 'Set user_pool_add_ons { advanced_security_mode = "ENFORCED" } on the aws_cognito_user_pool (requires the Plus feature plan).',
  references: { cdk_nag: ['AwsSolutions-COG3'] },
  evaluate(r) {
    return r.expect('UserPoolAddOns.AdvancedSecurityMode', oneOf(['ENFORCED']), {
      pass: 'advanced security is ENFORCED',
      fail: 'advanced security is not ENFORCED (OFF, AUDIT or unset): risky sign-ins are not blocked',
      unknown: 'the advanced security mode depends on a parameter',
    });
  },
});
