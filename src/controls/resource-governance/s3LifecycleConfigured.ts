import { defineControl, evidenceAt } from '../api.js';
import { asString, prop } from '../../model/value.js';
import { listAt } from '../lib/data.js';

export default defineControl({
  id: 'AT-S3-013',
  title: 'S3 buckets have an enabled lifecycle rule',
  domain: 'resource-governance',
  severity: 'low',
  resourceTypes: ['AWS::S3::Bucket'],
  rationale: 'Without lifecycle rules, objects, old versions and incomplete multipart uploads are kept for ever: data outlives its retention period and storage grows without bound. The Terraform provider v3 inline lifecycle_rule blocks of aws_s3_bucket are read as well as aws_s3_bucket_lifecycle_configuration.',
  remediation: 'Add LifecycleConfiguration.Rules with at least one rule of Status: Enabled (expiration, noncurrent version expiration or abort of incomplete uploads).',
  remediationTerraform: 'Declare an aws_s3_bucket_lifecycle_configuration for the bucket with at least one rule { status = "Enabled" } (expiration, noncurrent_version_expiration or abort_incomplete_multipart_upload).',
  references: {},
  evaluate(r) {
    const { items, unknown, v } = listAt(r, 'LifecycleConfiguration.Rules');
    const at = r.locate('LifecycleConfiguration.Rules');
    if (unknown) return r.unknown('the lifecycle rules depend on a value not known statically', unknown, at, [r.evidence('LifecycleConfiguration.Rules', v)]);
    if (items.length === 0) return r.fail('the bucket has no lifecycle rule: objects and versions are never expired', at, [r.evidence('LifecycleConfiguration.Rules', v, 'not set')]);
    let pending: { u: Parameters<typeof r.unknown>[1]; at: typeof at } | undefined;
    for (const [i, rule] of items.entries()) {
      const s = prop(rule, 'Status');
      const sAt = rule.k === 'object' ? rule.keyLocs.get('Status') ?? rule.loc : rule.loc;
      if (asString(s) === 'Enabled') return r.pass(`lifecycle rule ${asString(prop(rule, 'Id')) ?? i} is enabled`, sAt, [evidenceAt(`Properties.LifecycleConfiguration.Rules.${i}.Status`, s, sAt)]);
      if (s?.k === 'unknown' || rule.k === 'unknown') pending ??= { u: (s?.k === 'unknown' ? s : rule), at: sAt };
    }
    if (pending) return r.unknown('whether a lifecycle rule is enabled depends on a value not known statically', pending.u, pending.at, [r.evidence('LifecycleConfiguration.Rules', v)]);
    return r.fail('every lifecycle rule of the bucket is disabled', at, [r.evidence('LifecycleConfiguration.Rules', v)]);
  },
});
