import { defineControl } from '../api.js';
import { coversAction, describe, isOwnAccountParam, judgeStatements, OWN_ACCOUNT_TEXT, principalsOf, type Principal } from '../lib/identity.js';
import { actionMatches } from '../lib/policy.js';

const ACCOUNT = `(\\d{12}|${OWN_ACCOUNT_TEXT})`;
const ACCOUNT_ROOT = new RegExp(`^(${ACCOUNT}|arn:[^:]+:iam::${ACCOUNT}:root)$`);

function isAccountRoot(p: Principal): boolean {
  if (p.kind !== 'AWS') return false;
  if (p.value.k === 'unknown') return p.value.params.length > 0 && p.value.params.every(isOwnAccountParam);
  return ACCOUNT_ROOT.test(p.text ?? '');
}

export default defineControl({
  id: 'AT-KMS-003',
  title: 'KMS key policies grant kms:* only to the account root',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::KMS::Key'],
  rationale: 'kms:* includes ScheduleKeyDeletion, PutKeyPolicy and CreateGrant; granting it to a role or service lets that principal destroy the key or re-delegate it. Full access belongs to the account root, which hands it to IAM policies; other principals should get the specific key administration or usage actions.',
  remediation: 'Keep the statement granting kms:* to arn:${AWS::Partition}:iam::${AWS::AccountId}:root and give other principals explicit actions (kms:Encrypt, kms:Decrypt, kms:GenerateDataKey*, or the administration actions they need).',
  remediationTerraform: 'In the policy of the aws_kms_key (or its aws_kms_key_policy), keep kms:* only for the account root (arn:aws:iam::<account id>:root) and give other principals explicit actions (kms:Encrypt, kms:Decrypt, kms:GenerateDataKey*, or the administration actions they need).',
  references: {},
  evaluate(r) {
    if (!r.get('KeyPolicy')) return r.pass('no KeyPolicy: the default key policy grants kms:* to the account root only', r.resource.loc, [r.evidence('KeyPolicy')]);
    return judgeStatements(r, {
      kinds: ['resource'],
      none: 'declares no key policy',
      pass: 'only the account root is granted kms:*',
      test: (s) => {
        const full = s.actions.some((a) => actionMatches(a, 'kms:*') && (a === '*' || /^kms:\*$/i.test(a)));
        if (!full) {
          const c = coversAction(s, 'kms:ScheduleKeyDeletion');
          return typeof c === 'object' ? { unknown: c, message: `${describe(s)} allows actions known only at deploy time` } : undefined;
        }
        const others = principalsOf(s.principal).filter((p) => !isAccountRoot(p));
        if (s.notPrincipal || others.length) {
          const o = others[0];
          if (o && o.value.k === 'unknown') return { unknown: o.value, message: `${describe(s)} grants kms:* to a principal known only at deploy time` };
          return { fail: `${describe(s)} grants kms:* to ${s.notPrincipal ? 'all but the NotPrincipal list' : others.map((p) => p.text ?? `${p.kind} principal`).slice(0, 3).join(', ')}, not only the account root` };
        }
        return undefined;
      },
    });
  },
});
