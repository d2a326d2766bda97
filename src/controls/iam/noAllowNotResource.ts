import { defineControl } from '../api.js';
import { describe, IDENTITY_POLICY_TYPES, judgeStatements } from '../lib/identity.js';

export default defineControl({
  id: 'AT-IAM-007',
  title: 'IAM policies do not use Allow with NotResource',
  domain: 'iam',
  severity: 'medium',
  resourceTypes: IDENTITY_POLICY_TYPES,
  rationale: 'Allow with NotResource applies the allowed actions to every resource except those listed, including resources created later, which defeats resource scoping.',
  remediation: 'List the allowed resources in Resource; keep NotResource for Deny statements.',
  remediationTerraform: 'List the allowed resources in Resource (resources in an aws_iam_policy_document) instead of NotResource / not_resources in Allow statements of the IAM policy; keep NotResource for Deny statements.',
  references: { cfn_nag: ['W21', 'W22', 'W23'], guard: ['IAM_ROLE_OR_POLICY_NO_ALLOW_PLUS_NOT_RESOURCE'] },
  evaluate(r) {
    return judgeStatements(r, {
      kinds: ['identity'],
      none: 'declares no inline permission policy',
      pass: 'no Allow statement uses NotResource',
      test: (s) => (s.hasNotResource ? { fail: `${describe(s)} is Allow with NotResource: the actions apply to every other resource` } : undefined),
    });
  },
});
