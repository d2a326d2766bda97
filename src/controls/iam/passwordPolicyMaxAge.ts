import { defineControl } from '../api.js';
import { asNumber } from '../../model/value.js';

export default defineControl({
  id: 'AT-IAM-018',
  title: 'The account password policy expires passwords within 90 days',
  domain: 'iam',
  severity: 'low',
  resourceTypes: ['AWS::IAM::AccountPasswordPolicy'],
  rationale: 'CIS AWS Foundations (up to v1.4) and many internal standards ask console passwords to expire; without a maximum age a leaked password stays valid indefinitely. (Newer guidance such as NIST SP 800-63B prefers no forced rotation; suppress with that reason if it is your policy.) CloudFormation has no resource for the account password policy, so this is judged on Terraform\'s aws_iam_account_password_policy only.',
  remediation: 'CloudFormation has no property for the account password policy: set MaxPasswordAge to a value from 1 to 90 with the IAM console, CLI or UpdateAccountPasswordPolicy.',
  remediationTerraform: 'Set max_password_age to a value from 1 to 90 on the aws_iam_account_password_policy.',
  references: { trivy: ['AVD-AWS-0062'] },
  evaluate(r) {
    return r.expect('MaxPasswordAge', (v) => {
      if (v?.k === 'unknown') return { unknown: v };
      const n = asNumber(v);
      return n !== undefined && n >= 1 && n <= 90;
    }, {
      pass: 'passwords expire within 90 days',
      fail: 'passwords do not expire within 90 days (max_password_age not set, 0, or above 90)',
      unknown: 'the maximum password age depends on a value not known statically',
    }, 'not set: passwords never expire');
  },
});
