import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';
import { inDbCluster } from '../lib/data.js';

export default defineControl({
  id: 'AT-RDS-003',
  title: 'RDS DB instances and clusters have deletion protection enabled',
  domain: 'resilience',
  severity: 'medium',
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  rationale: 'Deletion protection makes RDS refuse a delete call until the flag is turned off, which stops a stack deletion, a resource replacement or a mistaken console action from removing a production database. It is off by default.',
  remediation: 'Set DeletionProtection: true (and a DeletionPolicy of Snapshot or Retain on the resource).',
  remediationTerraform: 'Set deletion_protection = true on the aws_db_instance or aws_rds_cluster (the provider leaves it off when unset), and keep skip_final_snapshot false with a final_snapshot_identifier.',
  references: { checkov: ['CKV_AWS_293', 'CKV_AWS_139'], trivy: [], cfn_nag: ['F80'], cdk_nag: ['AwsSolutions-RDS10'], guard: ['RDS_INSTANCE_DELETION_PROTECTION_ENABLED'] },
  evaluate(r) {
    if (inDbCluster(r)) return r.notApplicable('instance belongs to a DB cluster; deletion protection is set on the cluster');
    return r.expect('DeletionProtection', isTrue, {
      pass: 'deletion protection is enabled',
      fail: 'DeletionProtection is not true: the database can be deleted by a stack update or delete',
      unknown: 'deletion protection depends on a deploy-time value',
    });
  },
});
