import { defineControl } from '../api.js';
import { conditionKeys, describe, isOwnAccountParam, isWildcardPrincipal, judgeStatements, principalsOf } from '../lib/identity.js';

const PINNING = ['kms:calleraccount', 'aws:principalorgid', 'aws:principalorgpaths', 'aws:principalaccount', 'aws:principalarn', 'aws:sourceaccount', 'aws:sourcearn'];

export default defineControl({
  id: 'AT-KMS-002',
  title: 'KMS key policies do not grant access to any principal ("*") without an account condition',
  domain: 'data-protection',
  severity: 'critical',
  resourceTypes: ['AWS::KMS::Key'],
  rationale: 'A key policy statement with Principal "*" lets identities of any AWS account use or manage the key unless a condition restricts the calling account or organisation, which can expose every resource encrypted with it.',
  remediation: 'Name the account root, roles or services in Principal, or keep "*" only with a kms:CallerAccount / aws:PrincipalOrgID / aws:PrincipalAccount condition.',
  remediationTerraform: 'In the policy of the aws_kms_key (or its aws_kms_key_policy), name the account root, roles or services as principals, or keep "*" only with a kms:CallerAccount, aws:PrincipalOrgID or aws:PrincipalAccount condition.',
  references: { checkov: ['CKV_AWS_33'], cfn_nag: ['F76'], guard: ['KMS_NO_WILDCARD_PRINCIPAL'] },
  evaluate(r) {
    if (!r.get('KeyPolicy')) return r.pass('no KeyPolicy: the default key policy grants access to the owning account only', r.resource.loc, [r.evidence('KeyPolicy')]);
    return judgeStatements(r, {
      kinds: ['resource'],
      none: 'declares no key policy',
      pass: 'the key policy names specific principals or pins "*" to an account or organisation',
      test: (s) => {
        const pinned = conditionKeys(s).some((k) => PINNING.includes(k));
        if (pinned) return undefined;
        if (s.notPrincipal) return { fail: `${describe(s)} is Allow with NotPrincipal: every other principal may use the key` };
        const ps = principalsOf(s.principal);
        if (ps.some(isWildcardPrincipal)) return { fail: `${describe(s)} grants ${s.actions.slice(0, 3).join(', ') || 'access'} to Principal "*" without an account or organisation condition` };
        const u = ps.find((p) => p.value.k === 'unknown' && !p.value.params.every(isOwnAccountParam));
        if (u) return { unknown: u.value, message: `${describe(s)} grants access to a principal known only at deploy time` };
        return undefined;
      },
    });
  },
});
