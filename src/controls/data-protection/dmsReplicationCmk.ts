import { defineControl } from '../api.js';
import { isPresent } from '../predicates.js';

export default defineControl({
  id: 'AT-DMS-005',
  title: 'DMS replication instances encrypt storage with a customer managed KMS key',
  domain: 'data-protection',
  severity: 'low',
  resourceTypes: ['AWS::DMS::ReplicationInstance'],
  rationale: 'A replication instance stores migration data, logs and cached changes on its volume, and the endpoint connection details it holds. Without KmsKeyId this is encrypted with the AWS managed key aws/dms; a customer managed key puts decryption under a key policy you control.',
  remediation: 'Set KmsKeyId to a customer managed key. It can only be chosen at creation.',
  remediationTerraform: 'Set kms_key_arn on the aws_dms_replication_instance to a customer managed key; it can only be chosen at creation.',
  references: { checkov: [], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('KmsKeyId', isPresent, {
      pass: 'storage is encrypted with the customer managed key in KmsKeyId',
      fail: 'KmsKeyId is not set: storage is encrypted with the AWS managed key aws/dms',
      unknown: 'the KMS key depends on a deploy-time value',
    });
  },
});
