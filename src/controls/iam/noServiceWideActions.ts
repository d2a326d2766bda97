import { defineControl } from '../api.js';
import { describe, IDENTITY_POLICY_TYPES, judgeStatements, unknownIn } from '../lib/identity.js';

const FULL = /^(\*|[a-z0-9-]+:\*)$/i;

export default defineControl({
  id: 'AT-IAM-002',
  title: 'IAM policies do not allow all actions of a service ("*" or "service:*")',
  domain: 'iam',
  severity: 'high',
  resourceTypes: IDENTITY_POLICY_TYPES,
  rationale: 'Wildcard actions grant every current and future API of a service, including destructive and permission-changing ones (s3:* includes s3:PutBucketPolicy and s3:DeleteBucket), so least privilege cannot hold.',
  remediation: 'List the specific actions needed (for example s3:GetObject, s3:PutObject) instead of "*" or "service:*".',
  remediationTerraform: 'In the policy of the aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy or aws_iam_group_policy (its JSON, or actions of the aws_iam_policy_document statement that builds it), list the specific actions needed (for example s3:GetObject, s3:PutObject) instead of "*" or "service:*".',
  references: { checkov: ['CKV_AWS_63'], trivy: ['AVD-AWS-0057'], cfn_nag: ['F3', 'F4', 'F5'], cdk_nag: ['AwsSolutions-IAM5'], guard: ['IAM_POLICY_NO_STATEMENTS_WITH_FULL_ACCESS', 'IAM_MANAGEDPOLICY_NO_STATEMENTS_WITH_FULL_ACCESS', 'IAM_ROLE_NO_WILDCARD_ACTIONS_ON_PERMISSIONS'] },
  evaluate(r) {
    return judgeStatements(r, {
      kinds: ['identity'],
      none: 'declares no inline permission policy',
      pass: 'every allowed action names a specific API (no "*" or "service:*")',
      test: (s) => {
        const bad = s.actions.filter((a) => FULL.test(a));
        if (bad.length) return { fail: `${describe(s)} allows ${bad.map((b) => `"${b}"`).join(', ')}: every action of the service` };
        const u = unknownIn(s, 'Action');
        if (u) return { unknown: u, message: `${describe(s)} has an action known only at deploy time` };
        return undefined;
      },
    });
  },
});
