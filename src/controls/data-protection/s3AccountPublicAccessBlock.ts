import { decide, defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

const SETTINGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'];

export default defineControl({
  id: 'AT-S3-012',
  title: 'S3 Block Public Access is on for the whole account',
  domain: 'data-protection',
  severity: 'high',
  resourceTypes: ['AWS::S3::AccountPublicAccessBlock'],
  rationale: 'The account-level block applies to every bucket, including ones created later without their own block, so a single bucket policy or ACL cannot make data public. CloudFormation cannot declare the account-level setting, so this is judged on Terraform\'s aws_s3_account_public_access_block only; each setting left out there is false.',
  remediation: 'CloudFormation has no property for this account setting: turn on BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy and RestrictPublicBuckets of the account\'s S3 Block Public Access with the console, CLI or S3 Control PutPublicAccessBlock.',
  remediationTerraform: 'Set block_public_acls, ignore_public_acls, block_public_policy and restrict_public_buckets to true on the aws_s3_account_public_access_block.',
  references: {},
  evaluate(r) {
    const vs = SETTINGS.map((p) => ({ p, v: r.get(p), d: decide(r.get(p), isTrue) }));
    const ev = vs.map((x) => r.evidence(x.p, x.v, x.v === undefined ? 'not set: false' : undefined));
    const off = vs.filter((x) => x.d === false);
    if (off.length) return r.fail(`account-level ${off.map((x) => x.p).join(', ')} ${off.length > 1 ? 'are' : 'is'} not true: buckets without their own block can be made public`, r.locate(off[0]!.p), ev);
    const open = vs.find((x) => x.d !== true);
    if (open && open.d !== true && open.d !== false) return r.unknown(`whether ${open.p} is on depends on a value not known statically`, open.d.unknown, r.locate(open.p), ev);
    return r.pass('all four Block Public Access settings are on for the account', r.resource.loc, ev);
  },
});
