import { all, decide, defineControl, type Verdict } from '../api.js';
import { isTrue } from '../predicates.js';
import { getPath } from '../../model/value.js';

const FLAGS = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'];

export default defineControl({
  id: 'AT-S3-002',
  title: 'S3 buckets block all public access',
  domain: 'data-protection',
  severity: 'high',
  resourceTypes: ['AWS::S3::Bucket'],
  rationale: 'The four public access block settings stop ACLs and bucket policies from making objects public, the most common cause of S3 data exposure.',
  remediation: 'Set PublicAccessBlockConfiguration with BlockPublicAcls, BlockPublicPolicy, IgnorePublicAcls and RestrictPublicBuckets all true.',
  remediationTerraform: 'Declare an aws_s3_bucket_public_access_block for the bucket with block_public_acls, block_public_policy, ignore_public_acls and restrict_public_buckets all set to true (each is false when left out).',
  references: { checkov: ['CKV_AWS_53', 'CKV_AWS_54', 'CKV_AWS_55', 'CKV_AWS_56'], trivy: ['AVD-AWS-0094'], cdk_nag: ['AwsSolutions-S2'], guard: ['S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED'] },
  evaluate(r) {
    const path = 'PublicAccessBlockConfiguration';
    const o = r.expect(path, (cfg): Verdict => {
      if (!cfg) return false;
      if (cfg.k === 'unknown') return { unknown: cfg };
      return all(FLAGS.map((f) => isTrue(getPath(cfg, f))));
    }, {
      pass: 'all four public access block settings are true',
      fail: 'public access is not fully blocked: PublicAccessBlockConfiguration must set BlockPublicAcls, BlockPublicPolicy, IgnorePublicAcls and RestrictPublicBuckets to true',
    });
    // The setting that is not true decides (BlockPublicPolicy: false), not the block holding it.
    const cfg = r.get(path);
    if (o.status !== 'pass' && cfg?.k === 'object') {
      const verdicts = FLAGS.map((f) => decide(getPath(cfg, f), isTrue));
      const i = o.status === 'fail' ? verdicts.indexOf(false) : verdicts.findIndex((v) => v !== true);
      if (i >= 0) o.at = r.locate(`${path}.${FLAGS[i]}`);
    }
    return o;
  },
});
