import { defineControl } from '../api.js';
import { STATEFUL_TYPES, checkKeepPolicy, defaultDeletionPolicy } from '../lib/operations.js';

export default defineControl({
  id: 'AT-DEP-001',
  title: 'Stateful resources are retained or snapshotted when deleted from the stack',
  domain: 'deployment',
  severity: 'medium',
  resourceTypes: STATEFUL_TYPES,
  rationale: 'Removing a database, bucket, table or key from a template, renaming its logical id or deleting the stack destroys it together with its data unless DeletionPolicy says otherwise (in Terraform: removing or renaming its resource block, or terraform destroy; in Pulumi: removing it from the program, or pulumi destroy).',
  remediation: 'Set DeletionPolicy: Retain (or Snapshot for RDS, DocumentDB, Neptune, Redshift and EBS volumes). Pulumi: the resource option protect or retainOnDelete.',
  remediationTerraform: 'Use a provider setting that keeps the data after the resource block is removed: deletion_protection = true (aws_db_instance, aws_rds_cluster, aws_docdb_cluster, aws_neptune_cluster; deletion_protection_enabled on aws_dynamodb_table, deletion_protection = "ACTIVE" on aws_cognito_user_pool), a final snapshot (skip_final_snapshot = false with final_snapshot_identifier; final_snapshot = true on aws_ebs_volume) or skip_destroy = true on aws_cloudwatch_log_group; lifecycle { prevent_destroy = true } alone goes with the block. Pulumi: the resource option protect or retainOnDelete.',
  references: {},
  evaluate(r) {
    if (r.type === 'AWS::RDS::DBInstance' && r.get('DBClusterIdentifier')) {
      return r.notApplicable('instance of a DB cluster: the data lives in the cluster');
    }
    return checkKeepPolicy(r, 'DeletionPolicy', defaultDeletionPolicy(r));
  },
});
