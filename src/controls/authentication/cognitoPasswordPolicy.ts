import { all, defineControl, type Verdict } from '../api.js';
import { expectAt } from '../lib/where.js';
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
  references: { cdk_nag: ['AwsSolutions-COG1'] },
  evaluate(r) {
    return expectAt(r, 'Policies.PasswordPolicy', (p): Verdict => {
      if (!p) return false;
      if (p.k === 'unknown') return { unknown: p };
      return all([atLeast(12)(getPath(p, 'MinimumLength')), ...CLASSES.map((c) => isTrue(getPath(p, c)))]);
    }, {
      pass: 'passwords need at least 12 characters and all four character classes',
      fail: 'the password policy is weaker than 12 characters with upper, lower, number and symbol (an unset policy means Cognito\'s 8-character default; unset Require* flags are not required)',
      unknown: 'the password policy depends on a parameter',
    });
  },
});
