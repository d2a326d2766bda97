import { defineControl } from '../api.js';
import { atLeast } from '../predicates.js';

export default defineControl({
  id: 'AT-NEP-005',
  title: 'Neptune clusters keep automated backups for at least 7 days',
  domain: 'resilience',
  severity: 'medium',
  resourceTypes: ['AWS::Neptune::DBCluster'],
  rationale: 'Point-in-time restore of a Neptune cluster reaches back only as far as BackupRetentionPeriod, which is 1 day when left out. Data corruption or a destructive change noticed after a weekend can then no longer be undone.',
  remediation: 'Set BackupRetentionPeriod to 7 or more (up to 35). Alternatively protect the cluster with an AWS Backup plan of equal retention.',
  remediationTerraform: 'Set backup_retention_period to 7 or more (up to 35) on the aws_neptune_cluster, or protect the cluster with an AWS Backup plan of equal retention.',
  references: { checkov: [], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('BackupRetentionPeriod', atLeast(7), {
      pass: 'automated backups are kept for 7 days or more',
      fail: 'BackupRetentionPeriod is below 7 days (left out, it is 1 day)',
      unknown: 'backup retention depends on a deploy-time value',
    }, 'default is 1 day');
  },
});
