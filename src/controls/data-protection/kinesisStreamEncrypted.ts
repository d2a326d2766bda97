import { defineControl } from '../api.js';
import { isPresent, oneOf } from '../predicates.js';

export default defineControl({
  id: 'AT-KIN-001',
  title: 'Kinesis data streams encrypt records at rest with KMS',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::Kinesis::Stream'],
  rationale: 'Records in a Kinesis data stream stay readable for the whole retention period. Without StreamEncryption they are stored without KMS encryption, and reading them is governed by stream permissions alone rather than also by a key policy.',
  remediation: 'Set StreamEncryption with EncryptionType: KMS and KeyId (alias/aws/kinesis or a customer managed key).',
  remediationTerraform: 'Set encryption_type = "KMS" and kms_key_id (alias/aws/kinesis or a customer managed key) on the aws_kinesis_stream.',
  references: { checkov: ['CKV_AWS_43'], trivy: ['AVD-AWS-0064'], cfn_nag: ['W49'], cdk_nag: [], guard: ['KINESIS_STREAM_ENCRYPTION_RULE'] },
  evaluate(r) {
    const type = r.expect('StreamEncryption.EncryptionType', oneOf(['KMS'], true), {
      pass: 'records are encrypted at rest with KMS',
      fail: 'StreamEncryption is not set to KMS: records are stored without KMS encryption',
      unknown: 'stream encryption depends on a deploy-time value',
    }, 'left out, the stream is not encrypted with KMS');
    if (type.status !== 'pass') return type;
    // KMS encryption names its key (alias/aws/kinesis or a customer managed key); without one it is not applied.
    return r.expect('StreamEncryption.KeyId', isPresent, {
      pass: 'records are encrypted at rest with the KMS key in StreamEncryption.KeyId',
      fail: 'StreamEncryption.KeyId is not set: KMS encryption needs a key and is not applied',
      unknown: 'the stream key depends on a deploy-time value',
    });
  },
});
