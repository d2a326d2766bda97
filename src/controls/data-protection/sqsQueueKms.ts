import { defineControl } from '../api.js';
import { isPresent } from '../predicates.js';
import { asString } from '../../model/value.js';

export default defineControl({
  id: 'AT-SQS-002',
  title: 'SQS queues are encrypted with a KMS key',
  domain: 'data-protection',
  severity: 'low',
  resourceTypes: ['AWS::SQS::Queue'],
  rationale: 'SSE-SQS protects messages at rest with keys SQS owns; SSE-KMS adds a key policy as a second gate on who can send and receive, and records key use in CloudTrail.',
  remediation: 'Set KmsMasterKeyId to a customer managed key and grant producers and consumers kms:GenerateDataKey and kms:Decrypt.',
  remediationTerraform: 'Set kms_master_key_id on the aws_sqs_queue to a customer managed key and grant producers and consumers kms:GenerateDataKey and kms:Decrypt.',
  references: { checkov: [], trivy: ['AVD-AWS-0135'], cfn_nag: ['W48'], cdk_nag: [], guard: ['SQS_QUEUE_KMS_MASTER_KEY_ID_RULE'] },
  evaluate(r) {
    return r.expect('KmsMasterKeyId', (v) => {
      const p = isPresent(v);
      if (p !== true) return p;
      // alias/aws/sqs is the AWS managed key: its key policy cannot be changed, so it adds no gate.
      return !/(^|:)alias\/aws\/sqs$/.test(asString(v) ?? '');
    }, {
      pass: 'the queue is encrypted with a customer managed KMS key',
      fail: 'KmsMasterKeyId is not set to a customer managed key (absent, or the AWS managed alias/aws/sqs whose key policy cannot be changed)',
      unknown: 'the queue key depends on a deploy-time value',
    });
  },
});
