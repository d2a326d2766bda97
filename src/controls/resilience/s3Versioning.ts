import { defineControl } from '../api.js';
import { oneOf } from '../predicates.js';

export default defineControl({
  id: 'AT-S3-005',
  title: 'S3 buckets have versioning enabled',
  domain: 'resilience',
  severity: 'medium',
  resourceTypes: ['AWS::S3::Bucket'],
  rationale: 'Without versioning an overwrite or delete destroys the only copy of an object, whether it comes from a bug, an operator or ransomware. Versioning keeps prior versions recoverable and is a prerequisite for replication and Object Lock.',
  remediation: 'Set VersioningConfiguration.Status: Enabled, and add lifecycle rules (NoncurrentVersionExpiration) to bound the cost of old versions.',
  remediationTerraform: 'Declare an aws_s3_bucket_versioning for the bucket with versioning_configuration { status = "Enabled" }, and add an aws_s3_bucket_lifecycle_configuration rule with noncurrent_version_expiration to bound the cost of old versions.',
  references: { checkov: ['CKV_AWS_21'], trivy: ['AVD-AWS-0090'], cfn_nag: [], cdk_nag: [], guard: ['S3_BUCKET_VERSIONING_ENABLED'] },
  evaluate(r) {
    return r.expect('VersioningConfiguration.Status', oneOf(['Enabled']), {
      pass: 'versioning is enabled',
      fail: 'versioning is not enabled (VersioningConfiguration.Status is absent or Suspended)',
      unknown: 'versioning status depends on a deploy-time value',
    });
  },
});
