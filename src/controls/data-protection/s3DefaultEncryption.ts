import { defineControl } from '../api.js';
import { sseRulesMatch } from '../lib/data.js';

export default defineControl({
  id: 'AT-S3-001',
  title: 'S3 buckets declare default encryption',
  domain: 'data-protection',
  severity: 'low',
  resourceTypes: ['AWS::S3::Bucket'],
  rationale: 'Since January 2023 S3 encrypts every new object with SSE-S3 even when a bucket declares nothing, so a missing declaration no longer means plaintext storage; the low severity reflects that. Declaring the encryption keeps the intent reviewable in the template and guards against older buckets and tools that read the bucket setting.',
  remediation: 'Add BucketEncryption.ServerSideEncryptionConfiguration with ServerSideEncryptionByDefault.SSEAlgorithm set to AES256, aws:kms or aws:kms:dsse.',
  remediationTerraform: 'Declare an aws_s3_bucket_server_side_encryption_configuration for the bucket with rule { apply_server_side_encryption_by_default { sse_algorithm = "AES256" } } (or "aws:kms" / "aws:kms:dsse").',
  references: { checkov: ['CKV_AWS_19'], trivy: ['AVD-AWS-0088'], cfn_nag: ['W41'], cdk_nag: [], guard: ['S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED', 'S3_DEFAULT_ENCRYPTION_KMS'] },
  evaluate(r) {
    return r.expect('BucketEncryption.ServerSideEncryptionConfiguration', sseRulesMatch(['AES256', 'aws:kms', 'aws:kms:dsse']), {
      pass: 'default encryption is declared',
      fail: 'no default encryption is declared (S3 still applies SSE-S3 to new objects, but the template does not say so)',
      unknown: 'default encryption algorithm depends on a deploy-time value',
    });
  },
});
