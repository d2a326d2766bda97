import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';
import { inheritsFromSnapshot } from '../lib/analytics.js';

export default defineControl({
  id: 'AT-NEP-001',
  title: 'Neptune clusters encrypt storage at rest',
  domain: 'data-protection',
  severity: 'high',
  resourceTypes: ['AWS::Neptune::DBCluster'],
  rationale: 'An unencrypted Neptune cluster keeps its data, automated backups, snapshots and replicas in clear on the storage layer. Encryption can only be chosen when the cluster is created (or restored), so a cluster created without it must be rebuilt.',
  remediation: 'Set StorageEncrypted: true on the AWS::Neptune::DBCluster, optionally with a customer managed key (KmsKeyId).',
  remediationTerraform: 'Set storage_encrypted = true on the aws_neptune_cluster, optionally with a customer managed key in kms_key_arn.',
  references: { checkov: ['CKV_AWS_44'], trivy: ['AVD-AWS-0076'], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    const restored = inheritsFromSnapshot(r, ['SnapshotIdentifier']);
    if (restored) return restored;
    return r.expect('StorageEncrypted', isTrue, {
      pass: 'cluster storage is encrypted at rest',
      fail: 'StorageEncrypted is not true: cluster storage, backups and snapshots are not encrypted (the default is unencrypted)',
      unknown: 'storage encryption depends on a deploy-time value',
    });
  },
});
