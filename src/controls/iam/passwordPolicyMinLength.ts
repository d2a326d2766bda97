import { defineControl } from '../api.js';
import { atLeast } from '../predicates.js';

export default defineControl({
  id: 'AT-IAM-016',
  title: 'The account password policy requires passwords of at least 14 characters',
  domain: 'iam',
  severity: 'medium',
  resourceTypes: ['AWS::IAM::AccountPasswordPolicy'],
  rationale: 'Length is what makes a console password hard to guess or crack; IAM accepts 6 characters unless the account policy asks for more. CloudFormation has no resource for the account password policy, so this is judged on Terraform\'s aws_iam_account_password_policy only.',
  remediation: 'CloudFormation has no property for the account password policy: set MinimumPasswordLength to 14 or more with the IAM console, CLI or UpdateAccountPasswordPolicy.',
  remediationTerraform: 'Set minimum_password_length = 14 (or more) on the aws_iam_account_password_policy.',
  references: { trivy: ['AVD-AWS-0063'] },
  evaluate(r) {
    return r.expect('MinimumPasswordLength', atLeast(14), {
      pass: 'passwords must have at least 14 characters',
      fail: 'the minimum password length is below 14 characters (IAM\'s own minimum is 6 when it is not set)',
      unknown: 'the minimum password length depends on a value not known statically',
    }, 'not set: IAM requires 6 characters');
  },
});
