import { defineControl } from '../api.js';
import { conditionKeys, describe, isOwnAccount, isWildcardPrincipal, judgeStatements, principalsOf } from '../lib/identity.js';

/** Keys that bind a cross-account trust to a shared secret, an organisation, a principal or MFA. */
const GUARDS = ['sts:externalid', 'aws:principalorgid', 'aws:principalorgpaths', 'aws:principalarn', 'aws:multifactorauthpresent', 'aws:sourceidentity'];
const ACCOUNT = /^(\d{12})$|^arn:[^:]+:(iam|sts)::(\d{12}):/;

export default defineControl({
  id: 'AT-IAM-009',
  title: 'Roles trusted by other AWS accounts require a condition (external ID, organisation or principal)',
  domain: 'iam',
  severity: 'medium',
  resourceTypes: ['AWS::IAM::Role'],
  rationale: 'Trusting a whole foreign account delegates the decision of who may assume the role to that account\'s administrators; without sts:ExternalId a third party can also be tricked into using the role for someone else (confused deputy).',
  remediation: 'Add an sts:ExternalId condition for third parties, or aws:PrincipalOrgID / aws:PrincipalArn conditions for accounts of your organisation; name specific role ARNs instead of account roots where possible.',
  remediationTerraform: 'In assume_role_policy of the aws_iam_role, add an sts:ExternalId condition for third parties, or aws:PrincipalOrgID / aws:PrincipalArn conditions for accounts of your organisation; name specific role ARNs instead of account roots where possible.',
  references: { checkov: ['CKV_AWS_61'] },
  evaluate(r) {
    return judgeStatements(r, {
      kinds: ['trust'],
      none: 'declares no trust policy',
      pass: 'no AWS account is trusted without a condition',
      test: (s) => {
        if (conditionKeys(s).some((k) => GUARDS.includes(k))) return undefined;
        for (const p of principalsOf(s.principal)) {
          if (p.kind !== 'AWS' || isWildcardPrincipal(p) || isOwnAccount(p)) continue;
          if (p.value.k === 'ref') continue; // a role or user of this template
          if (p.text === undefined) {
            if (p.value.k === 'unknown') return { unknown: p.value, message: `${describe(s)} trusts an AWS principal known only at deploy time, possibly another account, without a condition` };
            continue;
          }
          const m = ACCOUNT.exec(p.text);
          if (m) return { fail: `${describe(s)} trusts account ${m[1] ?? m[3]} (${p.text}) without an sts:ExternalId, aws:PrincipalOrgID or aws:PrincipalArn condition` };
        }
        return undefined;
      },
    });
  },
});
