import { defineControl } from '../api.js';
import { conditionKeys, describe, judgeStatements, principalsOf } from '../lib/identity.js';

export default defineControl({
  id: 'AT-IAM-010',
  title: 'Roles trusted by web identity or SAML providers restrict the audience and subject',
  domain: 'iam',
  severity: 'high',
  resourceTypes: ['AWS::IAM::Role'],
  rationale: 'Without aud/sub conditions any token issued by the provider can assume the role: with GitHub Actions that is any workflow of any repository on GitHub, with Cognito any identity pool.',
  remediation: 'Add conditions on the provider\'s aud key and, for shared issuers such as token.actions.githubusercontent.com, on its sub key (for example repo:my-org/my-repo:ref:refs/heads/main); for SAML providers condition on SAML:aud.',
  remediationTerraform: 'In assume_role_policy of the aws_iam_role, add conditions on the provider\'s aud key and, for shared issuers such as token.actions.githubusercontent.com, on its sub key (for example repo:my-org/my-repo:ref:refs/heads/main); for SAML providers condition on SAML:aud.',
  references: {},
  evaluate(r) {
    let federated = false;
    const out = judgeStatements(r, {
      kinds: ['trust'],
      none: 'declares no trust policy',
      pass: 'federated trust is restricted by audience/subject conditions',
      test: (s) => {
        const fed = principalsOf(s.principal).filter((p) => p.kind === 'Federated');
        if (fed.length === 0) return undefined;
        federated = true;
        const keys = conditionKeys(s);
        for (const p of fed) {
          if (p.value.k === 'unknown') return { unknown: p.value, message: `${describe(s)} trusts a federated provider known only at deploy time` };
          const t = (p.text ?? '').toLowerCase();
          if (t.includes('saml-provider/')) {
            if (!keys.includes('saml:aud')) return { fail: `${describe(s)} trusts SAML provider ${p.text} without a SAML:aud condition` };
          } else if (t.includes('token.actions.githubusercontent.com')) {
            if (!keys.some((k) => k === 'token.actions.githubusercontent.com:sub')) return { fail: `${describe(s)} trusts GitHub Actions OIDC without a token.actions.githubusercontent.com:sub condition: any repository on GitHub could assume the role` };
          } else if (t === 'cognito-identity.amazonaws.com') {
            if (!keys.includes('cognito-identity.amazonaws.com:aud')) return { fail: `${describe(s)} trusts Cognito identity pools without a cognito-identity.amazonaws.com:aud condition: any identity pool could assume the role` };
          } else if (!keys.some((k) => k.endsWith(':aud') || k.endsWith(':sub') || k.endsWith(':oaud'))) {
            return { fail: `${describe(s)} trusts federated provider ${p.text ?? '(a provider of this template)'} without an aud or sub condition` };
          }
        }
        return undefined;
      },
    });
    if (!federated && !Array.isArray(out) && out.status === 'pass') return r.notApplicable('the trust policy names no federated (web identity or SAML) principal');
    return out;
  },
});
