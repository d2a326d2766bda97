import { defineControl } from '../api.js';
import { oneOf } from '../predicates.js';

export default defineControl({
  id: 'AT-ECR-003',
  title: 'ECR repositories encrypt images with a KMS key',
  domain: 'data-protection',
  severity: 'low',
  resourceTypes: ['AWS::ECR::Repository'],
  rationale: 'ECR always encrypts images; by default with S3-managed AES-256 keys. KMS encryption lets a key policy restrict who can pull layers and records key use, which matters when images embed proprietary code or data.',
  remediation: 'Set EncryptionConfiguration.EncryptionType: KMS and KmsKey to a customer managed key (encryption is fixed at repository creation).',
  remediationTerraform: 'Add encryption_configuration { encryption_type = "KMS", kms_key = <customer managed key ARN> } to the aws_ecr_repository; encryption is fixed when the repository is created.',
  references: { checkov: ['CKV_AWS_136'], trivy: ['AVD-AWS-0033'], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('EncryptionConfiguration.EncryptionType', oneOf(['KMS', 'KMS_DSSE']), {
      pass: 'images are encrypted with a KMS key',
      fail: 'EncryptionType is not KMS: images are encrypted with the default AES-256 keys only',
      unknown: 'the encryption type depends on a deploy-time value',
    });
  },
});
