import { defineControl } from '../api.js';
import { asString } from '../../model/value.js';
import { oneOf } from '../predicates.js';

export default defineControl({
  id: 'AT-KIN-002',
  title: 'Firehose delivery streams encrypt buffered data at rest',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::KinesisFirehose::DeliveryStream'],
  rationale: 'A Direct PUT delivery stream buffers incoming records before delivering them; server-side encryption protects that buffered data with a KMS key. Streams reading from a Kinesis data stream or MSK take their data from a source that holds its own encryption settings, so the control does not apply to them.',
  remediation: 'Set DeliveryStreamEncryptionConfigurationInput with KeyType AWS_OWNED_CMK or CUSTOMER_MANAGED_CMK (with KeyARN).',
  remediationTerraform: 'Add server_side_encryption { enabled = true, key_type = "CUSTOMER_MANAGED_CMK", key_arn = ... } (or key_type = "AWS_OWNED_CMK") to the aws_kinesis_firehose_delivery_stream.',
  references: { checkov: [], trivy: [], cfn_nag: ['W88'], cdk_nag: [], guard: ['KINESIS_FIREHOSE_DELIVERY_STREAM_ENCRYPTION_RULE'] },
  evaluate(r) {
    const type = r.get('DeliveryStreamType');
    const t = asString(type);
    if (t !== undefined && t !== 'DirectPut') return r.notApplicable(`the stream reads from a source (${t}); buffered data encryption applies to Direct PUT streams`);
    return r.expect('DeliveryStreamEncryptionConfigurationInput.KeyType', oneOf(['AWS_OWNED_CMK', 'CUSTOMER_MANAGED_CMK']), {
      pass: 'buffered data is encrypted at rest',
      fail: 'DeliveryStreamEncryptionConfigurationInput is not set: buffered data is not encrypted by Firehose',
      unknown: 'server-side encryption depends on a deploy-time value',
    }, 'left out, server-side encryption is off');
  },
});
