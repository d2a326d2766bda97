import { decide, defineControl, evidenceAt, type Outcome, type ResourceContext } from '../api.js';
import type { Loc, Resource, Value } from '../../model/types.js';
import { asList, asString, getPath, prop } from '../../model/value.js';
import { oneOf } from '../predicates.js';
import { keyAt } from '../lib/operations.js';

export default defineControl({
  id: 'AT-S3-009',
  title: 'Versioned S3 buckets replicate their objects to a bucket outside their stack',
  domain: 'resilience',
  severity: 'low',
  resourceTypes: ['AWS::S3::Bucket'],
  rationale: 'Versioning protects objects from overwrites and deletes, but every version still lives in one bucket; a replica in the same stack is in the same region and goes with it. A destination outside the stack is what a copy in another region or account looks like from a template (the template cannot show that bucket\'s region, so the finding says so).',
  remediation: 'Add ReplicationConfiguration (Role and Rules with Status: Enabled) whose Destination.Bucket is a versioned bucket in another region, declared in a stack deployed there.',
  remediationTerraform: 'Declare an aws_s3_bucket_replication_configuration for the bucket with a role and a rule { status = "Enabled", destination { bucket = <ARN> } } whose destination is a versioned bucket in another region (one this configuration declares with another provider is reported as not known, as provider regions are not read).',
  references: {},
  evaluate(r): Outcome | undefined {
    const status = r.get('VersioningConfiguration.Status');
    const versioned = decide(status, oneOf(['Enabled']));
    // Replication requires versioning; a bucket without it is reported by AT-S3-005.
    if (versioned === false) return r.notApplicable('versioning is not enabled; replication requires it (see AT-S3-005)');
    const repl = r.get('ReplicationConfiguration');
    const at = r.locate('ReplicationConfiguration');
    const source = repl === undefined ? replicaOf(r) : undefined;
    if (source) return r.notApplicable(`the bucket is the replication destination of ${source.id}`);
    if (repl === undefined) return r.fail('the bucket is versioned but not replicated: all versions live in this bucket and region only', at, [r.evidence('ReplicationConfiguration', repl, 'not set'), r.evidence('VersioningConfiguration.Status')]);
    if (repl.k === 'unknown') return r.unknown('the replication configuration depends on a deploy-time value', repl, at, [r.evidence('ReplicationConfiguration')]);
    const all = asList(prop(repl, 'Rules')) ?? [];
    const rules = all.filter((x) => asString(prop(x, 'Status')) !== 'Disabled');
    // Rules written but all disabled: the first one's Status decides.
    if (rules.length === 0) return r.fail('no replication rule is enabled', all[0] ? keyAt(all[0], 'Status') : at, [r.evidence('ReplicationConfiguration')]);
    let open: { v: Value; why: string } | undefined;
    let outside: { dest: Value; dat: Loc; s: string } | undefined;
    const same: string[] = [];
    for (const rule of rules) {
      const dest = getPath(rule, 'Destination.Bucket');
      const dat = rule.k === 'object' ? keyAt(prop(rule, 'Destination') ?? rule, 'Bucket') : rule.loc;
      if (!dest) continue;
      if (dest.k === 'unknown') { open ??= { v: dest, why: dest.reason }; continue; }
      const s = asString(dest) ?? '';
      const arn = /^arn:[^:]+:s3:::([^/]+)$/.exec(s);
      const local = r.graph.target(r.resource, dest) ?? (arn ? r.graph.withLiteral('AWS::S3::Bucket', 'BucketName', r.resource, arn[1])[0] : undefined);
      // A CloudFormation stack lives in one region; a Terraform configuration (or Pulumi program)
      // places each bucket with its own provider, whose region is not read.
      if (local && r.resource.sourceType) { open ??= { v: dest, why: `the destination ${local.id} is declared in the same configuration, in a region not known here: the provider it uses sets it, and provider settings are not read` }; continue; }
      if (local) { same.push(local.id); continue; }
      outside ??= { dest, dat, s };
    }
    if (outside) return r.pass(`objects are replicated to ${outside.s}, a bucket outside this stack (its region and account are not shown by the template)`, outside.dat, [evidenceAt('Properties.ReplicationConfiguration.Rules.Destination.Bucket', outside.dest, outside.dat)]);
    if (open) return r.unknown(open.v.k === 'unknown' ? 'the replication destination depends on a deploy-time value' : 'cannot tell whether the replica is in another region', { k: 'unknown', reason: open.why, params: open.v.k === 'unknown' ? open.v.params : [], loc: open.v.loc }, open.v.loc, [r.evidence('ReplicationConfiguration')]);
    return r.fail(`the bucket replicates only to ${same.join(', ')}, declared in the same stack and so in the same region: the copies do not survive a regional outage`, at, [r.evidence('ReplicationConfiguration')]);
  },
});

/** A bucket of the same stack that replicates into this one (the replica needs no replica of its own). */
function replicaOf(r: ResourceContext): Resource | undefined {
  const name = asString(r.get('BucketName'));
  for (const b of r.graph.ofType('AWS::S3::Bucket', r.resource)) {
    if (b === r.resource) continue;
    for (const rule of asList(getPath(b.properties, 'ReplicationConfiguration.Rules')) ?? []) {
      const dest = getPath(rule, 'Destination.Bucket');
      if (r.graph.target(b, dest) === r.resource) return b;
      const s = asString(dest);
      if (name && s === `arn:aws:s3:::${name}`) return b;
    }
  }
  return undefined;
}
