import { defineControl } from '../api.js';
import { at, sseRulesMatch } from '../lib/data.js';
import { asList } from '../../model/value.js';

export default defineControl({
  id: 'AT-S3-003',
  title: 'S3 buckets encrypt by default with SSE-KMS',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::S3::Bucket'],
  rationale: 'With SSE-KMS every read needs kms:Decrypt on the key, so key policies add a second, audited layer of access control and access can be revoked by disabling the key. SSE-S3 keys are managed entirely by S3 and give no such control.',
  remediation: 'Set BucketEncryption.ServerSideEncryptionConfiguration[].ServerSideEncryptionByDefault.SSEAlgorithm to aws:kms (or aws:kms:dsse) and KMSMasterKeyID to a customer managed key; enable BucketKeyEnabled to reduce KMS request costs.',
  remediationTerraform: 'In the bucket\'s aws_s3_bucket_server_side_encryption_configuration, set rule { apply_server_side_encryption_by_default { sse_algorithm = "aws:kms" (or "aws:kms:dsse"), kms_master_key_id = <customer managed key ARN> } } and bucket_key_enabled = true to reduce KMS request costs.',
  references: { checkov: [], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    const o = r.expect('BucketEncryption.ServerSideEncryptionConfiguration', sseRulesMatch(['aws:kms', 'aws:kms:dsse']), {
      pass: 'default encryption uses SSE-KMS',
      fail: 'default encryption does not use SSE-KMS (absent or AES256)',
      unknown: 'default encryption algorithm depends on a deploy-time value',
    });
    // The algorithm written decides (AES256 against aws:kms), not the rule list holding it.
    const rule = asList(r.get('BucketEncryption.ServerSideEncryptionConfiguration'))?.[0];
    const alg = at(rule, 'ServerSideEncryptionByDefault.SSEAlgorithm', r.resource.loc);
    if (alg.v) o.at = alg.loc;
    return o;
  },
});
