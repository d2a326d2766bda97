import { defineControl } from '../api.js';
import { asString } from '../../model/value.js';
import { describe, judgeStatements, principalsOf } from '../lib/identity.js';

const SUB = 'token.actions.githubusercontent.com:sub';

/** A sub pattern limited to one owner's repositories: exact, or `repo:<owner>/...` with no wildcard in the owner. */
function pinned(s: string): boolean {
  if (!/[*?]/.test(s)) return true;
  return /^repo:[^*?/]+\/[^/]/.test(s);
}

export default defineControl({
  id: 'AT-IAM-020',
  title: 'Roles trusted by GitHub Actions pin the token subject to one owner\'s repositories',
  domain: 'iam',
  severity: 'high',
  resourceTypes: ['AWS::IAM::Role'],
  rationale: 'GitHub\'s OIDC issuer is shared by every repository on GitHub. A sub condition of "*", "repo:*" or one placed only under a negated operator still lets workflows of other owners assume the role. AT-IAM-010 asks for a sub condition; this control checks what it allows. A custom subject format (repository_owner_id claims and the like) is not recognised and fails; suppress with that reason.',
  remediation: 'In AssumeRolePolicyDocument, condition token.actions.githubusercontent.com:sub with StringEquals or StringLike on values such as repo:my-org/my-repo:ref:refs/heads/main or repo:my-org/my-repo:environment:prod (no wildcard in the owner).',
  remediationTerraform: 'In assume_role_policy of the aws_iam_role, condition token.actions.githubusercontent.com:sub with StringEquals or StringLike on values such as repo:my-org/my-repo:ref:refs/heads/main or repo:my-org/my-repo:environment:prod (no wildcard in the owner).',
  references: {},
  evaluate(r) {
    let github = false;
    const out = judgeStatements(r, {
      kinds: ['trust'],
      none: 'declares no trust policy',
      pass: 'GitHub Actions trust is pinned to named repositories',
      test: (s) => {
        const gh = principalsOf(s.principal).some((p) => p.kind === 'Federated' && (p.text ?? '').includes('token.actions.githubusercontent.com'));
        if (!gh) return undefined;
        github = true;
        const c = s.condition;
        const positive: { op: string; v: import('../../model/types.js').Value }[] = [];
        let negated = false;
        if (c?.k === 'object') {
          for (const [op, body] of c.props) {
            if (body.k !== 'object') continue;
            for (const [k, v] of body.props) {
              if (k.toLowerCase() !== SUB) continue;
              if (/not|ifexists/i.test(op)) negated = true;
              else positive.push({ op, v });
            }
          }
        }
        if (positive.length === 0) {
          // No sub condition at all is AT-IAM-010's finding.
          return negated ? { fail: `${describe(s)} conditions ${SUB} only with a negated or IfExists operator: workflows of other owners can assume the role` } : undefined;
        }
        for (const { v } of positive) {
          const items = v.k === 'list' ? v.items : [v];
          for (const item of items) {
            if (item.k === 'unknown') return { unknown: item, message: `${describe(s)} pins ${SUB} to a value not known statically` };
            const text = asString(item);
            if (text === undefined) continue;
            if (!pinned(text)) return { fail: `${describe(s)} allows ${SUB} "${text}", which matches repositories of any owner` };
          }
        }
        return undefined;
      },
    });
    if (!github && !Array.isArray(out) && out.status === 'pass') return r.notApplicable('the trust policy does not trust GitHub Actions OIDC');
    return out;
  },
});
