import { defineControl } from '../api.js';
import { describe, IDENTITY_POLICY_TYPES, judgeStatements } from '../lib/identity.js';

export default defineControl({
  id: 'AT-IAM-006',
  title: 'IAM policies do not use Allow with NotAction',
  domain: 'iam',
  severity: 'medium',
  resourceTypes: IDENTITY_POLICY_TYPES,
  rationale: 'Allow with NotAction grants every action except those listed, including actions of services launched after the policy was written; it is almost always broader than intended.',
  remediation: 'Rewrite the statement as Allow with an explicit Action list; use NotAction only inside Deny statements.',
  remediationTerraform: 'Rewrite the Allow statement of the IAM policy (NotAction in the policy JSON, not_actions in an aws_iam_policy_document) with an explicit Action / actions list; use NotAction only in Deny statements.',
  references: { cfn_nag: ['W14', 'W15', 'W16', 'W17'], guard: ['IAM_ROLE_OR_POLICY_NO_ALLOW_PLUS_NOT_ACTION', 'IAM_ROLE_NO_ALLOW_PLUS_NOT_ACTION_ON_TRUST_POLICY'] },
  evaluate(r) {
    return judgeStatements(r, {
      kinds: ['identity', 'trust'],
      none: 'declares no IAM policy document',
      pass: 'no Allow statement uses NotAction',
      test: (s) => (s.hasNotAction ? { fail: `${describe(s)} is Allow with NotAction: every action except ${s.notActions.slice(0, 3).join(', ') || 'those listed'} is allowed` } : undefined),
    });
  },
});
