import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-RDS-001',
  title: 'RDS instances and Aurora clusters encrypt storage at rest',
  domain: 'data-protection',
  severity: 'high',
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  rationale: 'Unencrypted database storage, snapshots and backups expose data to anyone who obtains the underlying volumes or a shared snapshot. Encryption cannot be turned on after creation without a restore.',
  remediation: 'Set StorageEncrypted: true (and KmsKeyId to a customer managed key where key control is required).',
  remediationTerraform: 'Set storage_encrypted = true on the aws_db_instance or aws_rds_cluster (and kms_key_id to a customer managed key where key control is required); the provider leaves storage unencrypted when it is not set.',
  references: { checkov: ['CKV_AWS_16'], trivy: ['AVD-AWS-0080'], cfn_nag: ['F26', 'F27'], cdk_nag: ['AwsSolutions-RDS2'], guard: ['RDS_STORAGE_ENCRYPTED'] },
  evaluate(r) {
    // An instance in an Aurora cluster inherits the cluster's encryption.
    if (r.type === 'AWS::RDS::DBInstance' && r.get('DBClusterIdentifier')) {
      return r.notApplicable('instance belongs to a DB cluster; encryption is decided by the cluster');
    }
    return r.expect('StorageEncrypted', isTrue, {
      pass: 'storage is encrypted at rest',
      fail: 'StorageEncrypted is not true: database storage, snapshots and backups are unencrypted',
    });
  },
});
