import { defineControl } from '../api.js';
import { noneOf } from '../predicates.js';

export default defineControl({
  id: 'AT-S3-007',
  title: 'S3 buckets do not grant public access through a canned ACL',
  domain: 'data-protection',
  severity: 'high',
  resourceTypes: ['AWS::S3::Bucket'],
  rationale: 'The canned ACLs PublicRead, PublicReadWrite and AuthenticatedRead open the bucket to everyone or to every AWS account. New buckets have ACLs disabled by default since April 2023, but a template that asks for a public ACL shows the intent and succeeds once object ownership allows ACLs.',
  remediation: 'Remove AccessControl or set it to Private; grant access through a bucket policy scoped to specific principals, and keep OwnershipControls at BucketOwnerEnforced.',
  remediationTerraform: 'Remove the public canned ACL (acl on the aws_s3_bucket_acl, or on a provider v3 aws_s3_bucket) or set it to "private"; grant access through an aws_s3_bucket_policy scoped to specific principals, and keep aws_s3_bucket_ownership_controls at rule { object_ownership = "BucketOwnerEnforced" }.',
  references: { checkov: ['CKV_AWS_20', 'CKV_AWS_57'], trivy: ['AVD-AWS-0092'], cfn_nag: ['W31', 'F14'], cdk_nag: [], guard: ['S3_BUCKET_PUBLIC_READ_ACL', 'S3_BUCKET_PUBLIC_RW_ACL'] },
  evaluate(r) {
    return r.expect('AccessControl', noneOf(['PublicRead', 'PublicReadWrite', 'AuthenticatedRead']), {
      pass: 'no public canned ACL is requested',
      fail: 'AccessControl grants public or any-AWS-account access to the bucket',
      unknown: 'the canned ACL depends on a deploy-time value',
    });
  },
});
