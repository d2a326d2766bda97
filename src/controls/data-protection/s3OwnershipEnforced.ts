import { defineControl, evidenceAt } from '../api.js';
import { asString, prop } from '../../model/value.js';
import { listAt } from '../lib/data.js';

export default defineControl({
  id: 'AT-S3-011',
  title: 'S3 buckets disable ACLs (Object Ownership BucketOwnerEnforced)',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::S3::Bucket'],
  rationale: 'With ACLs enabled, objects written by other accounts can stay owned by them and carry their own grants, so access is no longer decided by the bucket policy alone. Buckets created since April 2023 default to BucketOwnerEnforced, so a bucket without OwnershipControls passes; a rule of ObjectWriter or BucketOwnerPreferred turns ACLs back on.',
  remediation: 'Set OwnershipControls.Rules[].ObjectOwnership: BucketOwnerEnforced (or leave OwnershipControls out).',
  remediationTerraform: 'Declare an aws_s3_bucket_ownership_controls for the bucket with rule { object_ownership = "BucketOwnerEnforced" } (or none at all).',
  references: {},
  evaluate(r) {
    const { items, unknown, v } = listAt(r, 'OwnershipControls.Rules');
    if (unknown) return r.unknown('the bucket\'s object ownership depends on a value not known statically', unknown, r.locate('OwnershipControls.Rules'), [r.evidence('OwnershipControls.Rules', v)]);
    if (!v) return r.pass('no OwnershipControls: S3 creates the bucket with BucketOwnerEnforced, ACLs disabled', r.resource.loc, [r.evidence('OwnershipControls', undefined, 'not set: BucketOwnerEnforced is S3\'s default for new buckets')]);
    for (const [i, rule] of items.entries()) {
      const o = prop(rule, 'ObjectOwnership');
      const at = rule.k === 'object' ? rule.keyLocs.get('ObjectOwnership') ?? rule.loc : rule.loc;
      const ev = [evidenceAt(`Properties.OwnershipControls.Rules.${i}.ObjectOwnership`, o, at)];
      if (o?.k === 'unknown' || rule.k === 'unknown') return r.unknown('the bucket\'s object ownership depends on a value not known statically', (o?.k === 'unknown' ? o : rule) as Parameters<typeof r.unknown>[1], at, ev);
      const s = asString(o);
      if (s === 'BucketOwnerEnforced') return r.pass('ObjectOwnership is BucketOwnerEnforced: ACLs are disabled', at, ev);
      if (s !== undefined) return r.fail(`ObjectOwnership is ${s}: ACLs stay enabled on the bucket and its objects`, at, ev);
    }
    return r.pass('no ownership rule set: S3 applies BucketOwnerEnforced', r.locate('OwnershipControls.Rules'), [r.evidence('OwnershipControls.Rules', v)]);
  },
});
