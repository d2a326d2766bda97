import { decide, defineControl, type Verdict } from '../api.js';
import type { Value } from '../../model/types.js';
import { isTrue } from '../predicates.js';

const SETTINGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'];

/** A setting left out of a written configuration: AWS documents the defaults of the whole configuration only. */
const leftOut = (block: Value, s: string): Verdict => ({ unknown: { k: 'unknown', reason: `${s} is left out of a written PublicAccessBlockConfiguration, and what S3 then applies is not documented (not known statically)`, params: [], loc: block.loc } });

export default defineControl({
  id: 'AT-S3-015',
  title: 'S3 access points block all public access',
  domain: 'data-protection',
  severity: 'high',
  resourceTypes: ['AWS::S3::AccessPoint'],
  rationale: 'An access point has its own Block Public Access settings; turning one off lets a public access point policy expose the bucket\'s data through it. S3 turns all four on for a new access point created without a PublicAccessBlockConfiguration, so leaving it out passes (Terraform\'s provider sends true for an argument left out of its block); a setting left out of a written CloudFormation configuration is unknown. The settings cannot be changed after creation.',
  remediation: 'Leave PublicAccessBlockConfiguration out or set BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy and RestrictPublicBuckets to true.',
  remediationTerraform: 'Leave public_access_block_configuration out of the aws_s3_access_point, or keep its block_public_acls, ignore_public_acls, block_public_policy and restrict_public_buckets true.',
  references: {},
  evaluate(r) {
    const block = r.get('PublicAccessBlockConfiguration');
    const vs = SETTINGS.map((s) => {
      const p = `PublicAccessBlockConfiguration.${s}`;
      const v = r.get(p);
      return { s, p, v, d: v === undefined ? (block === undefined ? true : leftOut(block, s)) : decide(v, isTrue) };
    });
    if (block?.k === 'unknown') return r.unknown('the access point\'s public access block depends on a value not known statically', block, r.locate('PublicAccessBlockConfiguration'), [r.evidence('PublicAccessBlockConfiguration', block)]);
    const ev = vs.map((x) => r.evidence(x.p, x.v, x.v === undefined ? 'not set: S3 turns it on for a new access point' : undefined));
    const off = vs.filter((x) => x.d === false);
    if (off.length) return r.fail(`${off.map((x) => x.s).join(', ')} ${off.length > 1 ? 'are' : 'is'} turned off on the access point`, r.locate(off[0]!.p), ev);
    const open = vs.find((x) => x.d !== true);
    if (open && open.d !== true && open.d !== false) return r.unknown(`whether ${open.s} is on depends on a value not known statically`, open.d.unknown, r.locate(open.p), ev);
    return r.pass('all four Block Public Access settings are on for the access point', block ? r.locate('PublicAccessBlockConfiguration') : r.resource.loc, ev);
  },
});
