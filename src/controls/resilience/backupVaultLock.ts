import { defineControl } from '../api.js';
import type { Value } from '../../model/types.js';

export default defineControl({
  id: 'AT-BAK-004',
  title: 'AWS Backup vaults are protected by a vault lock',
  domain: 'resilience',
  severity: 'medium',
  resourceTypes: ['AWS::Backup::BackupVault'],
  rationale: 'Without a vault lock, anyone with the right permissions (or an attacker holding them) can delete recovery points or shorten their retention, removing the backups needed to recover from ransomware or a destructive mistake. A lock enforces minimum (and maximum) retention, and in compliance mode cannot be removed even by the account root once its grace period ends.',
  remediation: 'Set LockConfiguration with MinRetentionDays (and ChangeableForDays for compliance mode) on the AWS::Backup::BackupVault.',
  remediationTerraform: 'Declare an aws_backup_vault_lock_configuration naming the vault in backup_vault_name, with min_retention_days (and changeable_for_days for compliance mode).',
  references: { checkov: [], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    // A lock declared with every setting left out (possible in Terraform) is still a lock.
    const declared = (v: Value | undefined) => (v === undefined || v.k === 'absent' ? false : v.k === 'unknown' ? { unknown: v } : true);
    return r.expect('LockConfiguration', declared, {
      pass: 'a vault lock enforces retention of the recovery points',
      fail: 'LockConfiguration is not set: recovery points can be deleted before their retention ends',
      unknown: 'the vault lock depends on a deploy-time value',
    });
  },
});
