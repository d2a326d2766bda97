import { defineControl } from '../api.js';
import { oneOf } from '../predicates.js';

export default defineControl({
  id: 'AT-EFS-002',
  title: 'EFS file systems have automatic backups enabled',
  domain: 'resilience',
  severity: 'medium',
  resourceTypes: ['AWS::EFS::FileSystem'],
  rationale: 'With the backup policy enabled AWS Backup takes daily backups of the file system kept for 35 days; otherwise deleted or overwritten files cannot be recovered unless a separate backup plan covers the file system.',
  remediation: 'Set BackupPolicy.Status: ENABLED, or include the file system in an AWS Backup plan.',
  remediationTerraform: 'Declare an aws_efs_backup_policy for the file system with backup_policy { status = "ENABLED" }, or include the file system in an AWS Backup plan.',
  references: { checkov: [], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('BackupPolicy.Status', oneOf(['ENABLED']), {
      pass: 'automatic backups are enabled',
      fail: 'BackupPolicy.Status is not ENABLED: the file system is not backed up automatically',
      unknown: 'the backup policy depends on a deploy-time value',
    });
  },
});
