import { defineControl } from '../api.js';
import { atLeast } from '../predicates.js';

export default defineControl({
  id: 'AT-IAM-017',
  title: 'The account password policy prevents reuse of the last 24 passwords',
  domain: 'iam',
  severity: 'low',
  resourceTypes: ['AWS::IAM::AccountPasswordPolicy'],
  rationale: 'Without reuse prevention a user can put back a password that has already leaked as soon as it is changed. CloudFormation has no resource for the account password policy, so this is judged on Terraform\'s aws_iam_account_password_policy only.',
  remediation: 'CloudFormation has no property for the account password policy: set PasswordReusePrevention to 24 with the IAM console, CLI or UpdateAccountPasswordPolicy.',
  remediationTerraform: 'Set password_reuse_prevention = 24 on the aws_iam_account_password_policy.',
  references: { trivy: ['AVD-AWS-0056'] },
  evaluate(r) {
    return r.expect('PasswordReusePrevention', atLeast(24), {
      pass: 'the last 24 passwords cannot be reused',
      fail: 'password reuse prevention is below 24 previous passwords, or not set (reuse allowed)',
      unknown: 'password reuse prevention depends on a value not known statically',
    }, 'not set: previous passwords may be reused');
  },
});
