import { defineControl } from '../api.js';
import { conditionKeys, describe, isOwnAccountParam, isWildcardPrincipal, judgeStatements, principalsOf } from '../lib/identity.js';

/** Condition keys that pin a wildcard principal to an organisation, account or principal. */
const PINNING = ['aws:principalorgid', 'aws:principalorgpaths', 'aws:principalaccount', 'aws:principalarn', 'aws:sourceaccount', 'aws:sourcearn', 'aws:sourceorgid'];

export default defineControl({
  id: 'AT-IAM-008',
  title: 'Role trust policies do not let any principal ("*") assume the role',
  domain: 'iam',
  severity: 'critical',
  resourceTypes: ['AWS::IAM::Role'],
  rationale: 'A trust policy with Principal "*" (or AWS "*") lets any AWS identity in any account assume the role unless a condition pins it to your organisation or accounts; Allow with NotPrincipal is just as open.',
  remediation: 'Name the trusted accounts, roles or services in Principal, or keep "*" only together with an aws:PrincipalOrgID / aws:PrincipalAccount / aws:PrincipalArn condition.',
  remediationTerraform: 'In assume_role_policy of the aws_iam_role, name the trusted accounts, roles or services as principals, or keep "*" only together with an aws:PrincipalOrgID, aws:PrincipalAccount or aws:PrincipalArn condition.',
  references: { checkov: ['CKV_AWS_60'], cfn_nag: ['F6'], guard: ['IAM_ROLE_NO_ALLOW_PLUS_NOT_PRINCIPAL'] },
  evaluate(r) {
    return judgeStatements(r, {
      kinds: ['trust'],
      none: 'declares no trust policy',
      pass: 'the trust policy names specific principals',
      test: (s) => {
        if (s.notPrincipal) return { fail: `${describe(s)} is Allow with NotPrincipal: every principal except those listed may assume the role` };
        const ps = principalsOf(s.principal);
        const pinned = conditionKeys(s).some((k) => PINNING.includes(k));
        if (ps.some(isWildcardPrincipal) && !pinned) return { fail: `${describe(s)} trusts Principal "*" without a condition pinning it to an organisation or account: anyone may assume the role` };
        const u = ps.find((p) => p.text === undefined && p.value.k === 'unknown');
        if (u && !pinned && u.value.k === 'unknown' && !u.value.params.every(isOwnAccountParam)) {
          return { unknown: u.value, message: `${describe(s)} trusts a principal known only at deploy time` };
        }
        return undefined;
      },
    });
  },
});
