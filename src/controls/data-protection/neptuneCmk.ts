import { defineControl } from '../api.js';
import { isPresent } from '../predicates.js';

export default defineControl({
  id: 'AT-NEP-002',
  title: 'Neptune clusters are encrypted with a customer managed KMS key',
  domain: 'data-protection',
  severity: 'low',
  resourceTypes: ['AWS::Neptune::DBCluster'],
  rationale: 'With StorageEncrypted alone, Neptune uses the AWS managed key aws/rds, whose key policy you cannot change and whose use you cannot restrict to particular principals or revoke. A customer managed key puts decryption under your own key policy and can be disabled to cut off access to the data and its snapshots.',
  remediation: 'Set KmsKeyId to a customer managed KMS key (with StorageEncrypted: true). The key can only be chosen at creation or restore.',
  remediationTerraform: 'Set kms_key_arn on the aws_neptune_cluster to a customer managed KMS key (with storage_encrypted = true); the key can only be chosen at creation or restore.',
  references: { checkov: [], trivy: ['AVD-AWS-0128'], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('KmsKeyId', isPresent, {
      pass: 'storage is encrypted with the KMS key named in KmsKeyId',
      fail: 'KmsKeyId is not set: the cluster is unencrypted or encrypted with the AWS managed key (aws/rds)',
      unknown: 'the KMS key depends on a deploy-time value',
    });
  },
});
