import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';
import { inheritsFromSnapshot } from '../lib/analytics.js';

export default defineControl({
  id: 'AT-DOCDB-001',
  title: 'DocumentDB clusters encrypt storage at rest',
  domain: 'data-protection',
  severity: 'high',
  resourceTypes: ['AWS::DocDB::DBCluster'],
  rationale: 'An unencrypted DocumentDB cluster keeps its data, automated backups, snapshots and replicas in clear on the storage layer. Encryption can only be chosen when the cluster is created (or restored), so a cluster created without it must be rebuilt.',
  remediation: 'Set StorageEncrypted: true on the AWS::DocDB::DBCluster, optionally with a customer managed key (KmsKeyId).',
  remediationTerraform: 'Set storage_encrypted = true on the aws_docdb_cluster, optionally with a customer managed key in kms_key_id.',
  references: { checkov: ['CKV_AWS_74'], trivy: ['AVD-AWS-0021'], cfn_nag: [], cdk_nag: [], guard: [] },
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
