import { defineControl, evidenceAt } from '../api.js';
import { atLeast } from '../predicates.js';
import { inDbCluster } from '../lib/data.js';

export default defineControl({
  id: 'AT-RDS-004',
  title: 'RDS DB instances and clusters keep automated backups for at least 7 days',
  domain: 'resilience',
  severity: 'medium',
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  rationale: 'Automated backups and point-in-time restore reach back only as far as BackupRetentionPeriod, which defaults to 1 day in CloudFormation (0 turns backups off). Corruption or a bad migration noticed after a weekend is then unrecoverable.',
  remediation: 'Set BackupRetentionPeriod to 7 or more (up to 35 days), or protect the database with an AWS Backup plan of equivalent retention.',
  remediationTerraform: 'Set backup_retention_period to 7 or more (up to 35 days) on the aws_db_instance or aws_rds_cluster, or protect the database with an AWS Backup plan of equivalent retention.',
  references: { checkov: ['CKV_AWS_133'], trivy: ['AVD-AWS-0077'], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    if (inDbCluster(r)) return r.notApplicable('instance belongs to a DB cluster; backup retention is set on the cluster');
    if (r.get('BackupRetentionPeriod') === undefined) {
      return r.fail('BackupRetentionPeriod is not set: the default keeps automated backups for 1 day only', r.resource.loc,
        [evidenceAt('Properties.BackupRetentionPeriod', undefined, r.resource.loc, 'default is 1 day')]);
    }
    return r.expect('BackupRetentionPeriod', atLeast(7), {
      pass: 'automated backups are kept for 7 days or more',
      fail: 'BackupRetentionPeriod is below 7 days',
      unknown: 'backup retention depends on a deploy-time value',
    });
  },
});
