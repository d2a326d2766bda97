import { defineControl } from '../api.js';
import { describe, IDENTITY_POLICY_TYPES, judgeStatements, unknownIn } from '../lib/identity.js';

export default defineControl({
  id: 'AT-IAM-001',
  title: 'IAM policies do not grant full administrative access (Action "*" on Resource "*")',
  domain: 'iam',
  severity: 'critical',
  resourceTypes: IDENTITY_POLICY_TYPES,
  rationale: 'A statement allowing every action on every resource makes its holder an account administrator: one leaked credential or compromised workload then controls the whole account, including its own audit trail.',
  remediation: 'Replace Action "*" / Resource "*" with the specific actions and resource ARNs the principal needs; grant break-glass administration through a separately governed role.',
  remediationTerraform: 'In the policy document (the policy JSON of aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy or an inline_policy block, or the aws_iam_policy_document statement that builds it), replace actions "*" on resources "*" with the specific actions and resource ARNs the principal needs; grant break-glass administration through a separately governed role.',
  references: { checkov: ['CKV_AWS_62'], trivy: ['AVD-AWS-0057'], cdk_nag: ['AwsSolutions-IAM5'], guard: ['IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS'] },
  evaluate(r) {
    return judgeStatements(r, {
      kinds: ['identity'],
      none: 'declares no inline permission policy',
      pass: 'no statement allows every action on every resource',
      test: (s) => {
        const allActions = s.actions.includes('*') || s.actions.includes('*:*');
        if (allActions && s.resources.includes('*')) return { fail: `${describe(s)} allows Action "*" on Resource "*": full administrative access` };
        const ua = unknownIn(s, 'Action');
        const ur = unknownIn(s, 'Resource');
        const u = (allActions && ur) || (s.resources.includes('*') && ua) || (ua && ur ? ua : undefined);
        if (u) return { unknown: u, message: `${describe(s)} may grant full administrative access depending on a value known at deploy time` };
        return undefined;
      },
    });
  },
});
