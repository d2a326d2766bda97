import { defineControl, evidenceAt } from '../api.js';
import type { Value } from '../../model/types.js';
import { asList, prop } from '../../model/value.js';
import { statementsOf } from '../lib/policy.js';
import { isAnyonePrincipal } from '../lib/data.js';

/** The first value known only at deploy time that could make a principal "anyone" ("*", or {AWS: "*"}). */
function openPrincipal(p: Value | undefined): Value | undefined {
  if (!p) return undefined;
  if (p.k === 'unknown') return p;
  const items = p.k === 'object' ? (prop(p, 'AWS') ? (prop(p, 'AWS')!.k === 'unknown' ? [prop(p, 'AWS')!] : asList(prop(p, 'AWS')) ?? []) : []) : [];
  return items.find((x) => x.k === 'unknown');
}

export default defineControl({
  id: 'AT-S3-008',
  title: 'S3 bucket policies do not allow any principal without conditions',
  domain: 'data-protection',
  severity: 'high',
  resourceTypes: ['AWS::S3::BucketPolicy'],
  rationale: 'An Allow for Principal "*" with no Condition grants the listed actions to every AWS account and to anonymous callers. Public access blocks stop this only when BlockPublicPolicy/RestrictPublicBuckets are set, which not every account does.',
  remediation: 'Name the principals (account, role or service) in the Allow statement, or restrict it with conditions such as aws:SourceVpce, aws:PrincipalOrgID or aws:SourceArn.',
  remediationTerraform: 'In the policy of the aws_s3_bucket_policy, name the principals (account, role or service) of each Allow statement, or restrict it with conditions such as aws:SourceVpce, aws:PrincipalOrgID or aws:SourceArn.',
  references: { checkov: ['CKV_AWS_70'], trivy: [], cfn_nag: ['F16'], cdk_nag: [], guard: [] },
  evaluate(r) {
    const doc = r.get('PolicyDocument');
    const { statements, unknown } = statementsOf(doc);
    const bad = statements.filter((s) => (s.effect ?? '').toLowerCase() === 'allow' && isAnyonePrincipal(s.principal) && !s.condition);
    if (bad.length) {
      return bad.map((s) => r.fail(`statement${s.sid ? ` ${s.sid}` : ''} allows ${s.actions.join(', ') || 'actions'} to any principal without a condition`, s.loc,
        [evidenceAt(`Properties.PolicyDocument.Statement.${statements.indexOf(s)}.Principal`, s.principal, prop(s.value, 'Principal')?.loc ?? s.loc)]));
    }
    if (unknown) return r.unknown('the policy document is only known at deploy time', unknown, unknown.loc, [r.evidence('PolicyDocument', doc)]);
    // An Allow (or an effect known only at deploy time) to a principal known only at deploy time, without a condition, may be public.
    for (const s of statements) {
      const eff = prop(s.value, 'Effect');
      if (s.condition || !(eff?.k === 'unknown' || (s.effect ?? '').toLowerCase() === 'allow')) continue;
      const open = openPrincipal(s.principal) ?? (eff?.k === 'unknown' && isAnyonePrincipal(s.principal) ? eff : undefined);
      if (open) {
        return r.unknown(`statement ${statements.indexOf(s)} may allow any principal without a condition, depending on a value known at deploy time`, open, prop(s.value, 'Principal')?.loc ?? s.loc,
          [evidenceAt(`Properties.PolicyDocument.Statement.${statements.indexOf(s)}.Principal`, s.principal, prop(s.value, 'Principal')?.loc ?? s.loc)]);
      }
    }
    return r.pass('no Allow statement grants access to any principal without a condition', r.locate('PolicyDocument'), [r.evidence('PolicyDocument', doc)]);
  },
});
