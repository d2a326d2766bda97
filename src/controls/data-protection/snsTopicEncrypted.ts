import { defineControl } from '../api.js';
import { isPresent } from '../predicates.js';

export default defineControl({
  id: 'AT-SNS-001',
  title: 'SNS topics are encrypted with a KMS key',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::SNS::Topic'],
  rationale: 'SNS does not encrypt stored messages unless the topic names a KMS key, so messages waiting for delivery sit unencrypted at rest. With a key, publishers also need kms:GenerateDataKey, which narrows who can publish.',
  remediation: 'Set KmsMasterKeyId to a customer managed key (or alias/aws/sns) and grant publishing services use of the key.',
  remediationTerraform: 'Set kms_master_key_id on the aws_sns_topic to a customer managed key (or alias/aws/sns) and let the publishing services use the key.',
  references: { checkov: ['CKV_AWS_26'], trivy: ['AVD-AWS-0095'], cfn_nag: ['W47'], cdk_nag: ['AwsSolutions-SNS2'], guard: ['SNS_ENCRYPTED_KMS'] },
  evaluate(r) {
    return r.expect('KmsMasterKeyId', isPresent, {
      pass: 'the topic is encrypted with a KMS key',
      fail: 'KmsMasterKeyId is not set: messages are stored unencrypted',
      unknown: 'the topic key depends on a deploy-time value',
    });
  },
});
