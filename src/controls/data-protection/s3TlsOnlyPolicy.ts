import { defineControl, evidenceAt } from '../api.js';
import type { Value } from '../../model/types.js';
import { asBool, asList, prop } from '../../model/value.js';
import { actionMatches, type Statement } from '../lib/policy.js';
import { bucketPoliciesOf, bucketPolicyStatements, isAnyonePrincipal } from '../lib/data.js';
import { unknownIn } from '../lib/identity.js';

/**
 * A value known only at deploy time on which a statement's being that Deny hangs (its Effect,
 * Principal, Action or the aws:SecureTransport condition), when every known part fits it.
 */
function openDeny(s: Statement): Value | undefined {
  const open: Value[] = [];
  const eff = prop(s.value, 'Effect');
  if (eff?.k === 'unknown') open.push(eff);
  else if ((s.effect ?? '').toLowerCase() !== 'deny') return undefined;
  const p = s.principal;
  const pu = p?.k === 'unknown' ? p : p?.k === 'object' ? (prop(p, 'AWS')?.k === 'unknown' ? prop(p, 'AWS') : (asList(prop(p, 'AWS')) ?? []).find((x) => x.k === 'unknown')) : undefined;
  if (pu) open.push(pu);
  else if (!isAnyonePrincipal(p)) return undefined;
  const au = unknownIn(s, 'Action');
  if (au) open.push(au);
  else if (!s.actions.some((a) => actionMatches(a, 's3:GetObject'))) return undefined;
  const cond = s.condition;
  if (cond?.k === 'unknown') open.push(cond);
  else if (cond?.k === 'object') {
    let fits = false;
    for (const [op, body] of cond.props) {
      if (!/^bool(ifexists)?$/i.test(op)) continue;
      if (body.k === 'unknown') { open.push(body); fits = true; continue; }
      if (body.k !== 'object') continue;
      for (const [key, val] of body.props) {
        if (key.toLowerCase() !== 'aws:securetransport') continue;
        const vals = val.k === 'unknown' ? [val] : asList(val) ?? [];
        const u = vals.find((x) => x.k === 'unknown');
        if (u) { open.push(u); fits = true; } else if (vals.some((x) => asBool(x) === false)) fits = true;
      }
    }
    if (!fits) return undefined;
  } else return undefined;
  return open[0];
}

/** A Deny for everyone on S3 reads when aws:SecureTransport is false. */
function deniesInsecureTransport(s: Statement): boolean {
  if ((s.effect ?? '').toLowerCase() !== 'deny') return false;
  if (!isAnyonePrincipal(s.principal)) return false;
  if (!s.actions.some((a) => actionMatches(a, 's3:GetObject'))) return false;
  const cond = s.condition;
  if (!cond || cond.k !== 'object') return false;
  for (const [op, body] of cond.props) {
    if (!/^bool(ifexists)?$/i.test(op) || body.k !== 'object') continue;
    for (const [key, val] of body.props) {
      if (key.toLowerCase() !== 'aws:securetransport') continue;
      if ((asList(val) ?? []).some((x: Value) => asBool(x) === false)) return true;
    }
  }
  return false;
}

export default defineControl({
  id: 'AT-S3-004',
  title: 'S3 bucket policies deny requests that do not use TLS',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::S3::Bucket'],
  rationale: 'S3 still answers plain HTTP requests unless the bucket policy refuses them, so data and signed requests can cross the network unencrypted. A Deny on aws:SecureTransport false makes TLS mandatory for every client.',
  remediation: 'Declare an AWS::S3::BucketPolicy for the bucket with a statement Effect: Deny, Principal: "*", Action: "s3:*", Resource: the bucket and its objects, Condition: {Bool: {"aws:SecureTransport": "false"}}.',
  remediationTerraform: 'Declare an aws_s3_bucket_policy for the bucket with a statement Effect Deny, Principal "*", Action "s3:*", Resource the bucket ARN and its objects (arn/*), and Condition Bool aws:SecureTransport = "false".',
  references: { checkov: [], trivy: [], cfn_nag: [], cdk_nag: ['AwsSolutions-S10'], guard: ['S3_BUCKET_SSL_REQUESTS_ONLY'] },
  evaluate(r) {
    const policies = bucketPoliciesOf(r);
    if (policies.length === 0) {
      return r.fail('no AWS::S3::BucketPolicy for this bucket is declared in the scanned templates, so plain HTTP requests are not refused (a policy managed outside these templates is not visible)', r.resource.loc,
        [evidenceAt('BucketPolicy', undefined, r.resource.loc, 'no bucket policy refers to this bucket')]);
    }
    let blocking: Value | undefined;
    for (const p of policies) {
      const { statements, unknown } = bucketPolicyStatements(p);
      const hit = statements.find(deniesInsecureTransport);
      if (hit) {
        const idx = statements.indexOf(hit);
        return r.pass(`bucket policy ${p.id} denies requests without TLS`, hit.loc,
          [evidenceAt(`${p.id}.Properties.PolicyDocument.Statement.${idx}`, hit.value, hit.loc, 'Deny for any principal when aws:SecureTransport is false')]);
      }
      if (unknown) blocking ??= unknown;
      blocking ??= statements.map(openDeny).find((v) => v !== undefined);
    }
    if (blocking) return r.unknown('whether the bucket policy denies requests without TLS depends on a value known only at deploy time', blocking, blocking.loc, [evidenceAt('PolicyDocument', blocking, blocking.loc)]);
    const p = policies[0];
    const doc = prop(p.properties, 'PolicyDocument');
    // Where the document is attached (its key, the Terraform policy argument), not its first line.
    const loc = p.properties.keyLocs.get('PolicyDocument') ?? doc?.loc ?? p.loc;
    return r.fail(`bucket policy ${p.id} has no Deny statement for requests with aws:SecureTransport false`, loc,
      [evidenceAt(`${p.id}.Properties.PolicyDocument`, doc, loc)]);
  },
});
