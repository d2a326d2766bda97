import { defineControl } from '../api.js';
import { isPresent } from '../predicates.js';

export default defineControl({
  id: 'AT-MDB-002',
  title: 'MemoryDB clusters encrypt data at rest with a customer managed KMS key',
  domain: 'data-protection',
  severity: 'low',
  resourceTypes: ['AWS::MemoryDB::Cluster'],
  rationale: 'MemoryDB always encrypts data at rest, by default with a key AWS manages for the service. Naming a customer managed key in KmsKeyId puts access to the stored data and snapshots under a key policy you control and can revoke.',
  remediation: 'Set KmsKeyId to a customer managed key. It can only be chosen at creation.',
  remediationTerraform: 'Set kms_key_arn on the aws_memorydb_cluster to a customer managed key; it can only be chosen at creation.',
  references: { checkov: [], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('KmsKeyId', isPresent, {
      pass: 'data at rest is encrypted with the customer managed key in KmsKeyId',
      fail: 'KmsKeyId is not set: data at rest is encrypted with a key managed by AWS',
      unknown: 'the KMS key depends on a deploy-time value',
    });
  },
});
