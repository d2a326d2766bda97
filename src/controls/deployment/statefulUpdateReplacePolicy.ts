import { defineControl } from '../api.js';
import { STATEFUL_TYPES, checkKeepPolicy } from '../lib/operations.js';

export default defineControl({
  id: 'AT-DEP-002',
  title: 'Stateful resources are retained or snapshotted when an update replaces them',
  domain: 'deployment',
  severity: 'low',
  resourceTypes: STATEFUL_TYPES,
  rationale: 'Changing an immutable property (a table key schema, a bucket or database name) makes CloudFormation create a new resource and delete the old one with its data, unless UpdateReplacePolicy keeps it.',
  remediation: 'Set UpdateReplacePolicy: Retain (or Snapshot where supported) alongside DeletionPolicy. Pulumi: the resource option protect or retainOnDelete.',
  remediationTerraform: 'Add lifecycle { prevent_destroy = true } to the resource block so Terraform refuses a plan that replaces it, or use a provider setting that keeps the data (deletion_protection = true on an aws_db_instance or aws_rds_cluster, or a final snapshot with skip_final_snapshot = false). Pulumi: the resource option protect or retainOnDelete.',
  references: {},
  evaluate(r) {
    if (r.type === 'AWS::RDS::DBInstance' && r.get('DBClusterIdentifier')) {
      return r.notApplicable('instance of a DB cluster: the data lives in the cluster');
    }
    return checkKeepPolicy(r, 'UpdateReplacePolicy', 'Delete');
  },
});
