import { defineControl } from '../api.js';
import { isPresent } from '../predicates.js';

export default defineControl({
  id: 'AT-MSK-003',
  title: 'MSK clusters encrypt broker storage with a customer managed KMS key',
  domain: 'data-protection',
  severity: 'low',
  resourceTypes: ['AWS::MSK::Cluster'],
  rationale: 'MSK always encrypts broker volumes; without DataVolumeKMSKeyId it uses the AWS managed key aws/kafka, whose policy you cannot restrict or revoke. A customer managed key lets you limit and audit who can decrypt the stored messages and cut access by disabling the key.',
  remediation: 'Set EncryptionInfo.EncryptionAtRest.DataVolumeKMSKeyId to a customer managed key. The key can only be chosen at creation.',
  remediationTerraform: 'Set encryption_info { encryption_at_rest_kms_key_arn = ... } on the aws_msk_cluster to a customer managed key; it can only be chosen at creation.',
  references: { checkov: [], trivy: ['AVD-AWS-0179'], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('EncryptionInfo.EncryptionAtRest.DataVolumeKMSKeyId', isPresent, {
      pass: 'broker storage is encrypted with the customer managed key in DataVolumeKMSKeyId',
      fail: 'DataVolumeKMSKeyId is not set: broker storage is encrypted with the AWS managed key aws/kafka',
      unknown: 'the KMS key depends on a deploy-time value',
    }, 'the AWS managed key aws/kafka is used');
  },
});
