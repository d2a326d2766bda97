import { all, decide, defineControl, type Verdict } from '../api.js';
import type { Value } from '../../model/types.js';
import { atLeast, isTrue } from '../predicates.js';
import { getPath } from '../../model/value.js';

const CLASSES = ['RequireUppercase', 'RequireLowercase', 'RequireNumbers', 'RequireSymbols'];

export default defineControl({
  id: 'AT-COG-001',
  title: 'Cognito user pools require passwords of at least 12 characters with upper, lower, number and symbol',
  domain: 'authentication',
  severity: 'medium',
  resourceTypes: ['AWS::Cognito::UserPool'],
  rationale: 'Short passwords fall to online guessing and credential stuffing. Twelve characters is the floor chosen here: above the Cognito (and cdk-nag) minimum of 8, below the CIS figure of 14 that targets administrator console passwords, since pool users are often customers on mobile keyboards.',
  remediation: 'Set Policies.PasswordPolicy with MinimumLength: 12 or more and RequireUppercase, RequireLowercase, RequireNumbers and RequireSymbols all true.',
  remediationTerraform: 'Add a password_policy block to the aws_cognito_user_pool with minimum_length = 12 or more and require_uppercase, require_lowercase, require_numbers and require_symbols all true.',
  references: { cdk_nag: ['AwsSolutions-COG1'] },
  evaluate(r) {
    const messages = {
      pass: 'passwords need at least 12 characters and all four character classes',
      fail: 'the password policy is weaker than 12 characters with upper, lower, number and symbol (an unset policy means Cognito\'s 8-character default; unset Require* flags are not required)',
      unknown: 'the password policy depends on a parameter',
    };
    const path = 'Policies.PasswordPolicy';
    const policy = r.get(path);
    if (policy && policy.k === 'object') {
      // Each requirement on its own, so the finding points at the one that falls short (or at the policy, where it is left out).
      const checks: [string, (v: Value | undefined) => Verdict][] = [['MinimumLength', atLeast(12)], ...CLASSES.map((c): [string, (v: Value | undefined) => Verdict] => [c, isTrue])];
      const results = checks.map(([key, test]) => ({ key, d: decide(getPath(policy, key), test) }));
      const ev = [r.evidence(path, policy)];
      const failed = results.find((x) => x.d === false);
      if (failed) return r.fail(`${messages.fail}: ${failed.key} ${getPath(policy, failed.key) ? 'is too weak' : 'is not set'}`, r.locate(`${path}.${failed.key}`), ev);
      const open = results.find((x) => x.d !== true);
      if (open && open.d !== true && open.d !== false) return r.unknown(messages.unknown, open.d.unknown, r.locate(`${path}.${open.key}`), ev);
      return r.pass(messages.pass, r.locate(path), ev);
    }
    return r.expect(path, (p): Verdict => {
      if (!p) return false;
      if (p.k === 'unknown') return { unknown: p };
      return all([atLeast(12)(getPath(p, 'MinimumLength')), ...CLASSES.map((c) => isTrue(getPath(p, c)))]);
    }, messages);
  },
});
