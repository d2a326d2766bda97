import { defineControl } from '../api.js';
import { STATEFUL_TYPES, checkKeepPolicy, defaultDeletionPolicy } from '../lib/operations.js';

export default defineControl({
  id: 'AT-DEP-001',
  title: 'Stateful resources are retained or snapshotted when deleted from the stack',
  domain: 'deployment',
  severity: 'medium',
  resourceTypes: STATEFUL_TYPES,
  rationale: 'Removing a database, bucket, table or key from a template, renaming its logical id or deleting the stack destroys it together with its data unless DeletionPolicy says otherwise (in Terraform: removing or renaming its resource block, or terraform destroy; in Pulumi: removing it from the program, or pulumi destroy).',
  remediation: 'Set DeletionPolicy: Retain (or Snapshot for RDS, DocumentDB, Neptune, Redshift and EBS volumes). Terraform: the provider setting that survives removing the resource block (deletion_protection, a final snapshot, a log group\'s skip_destroy); lifecycle { prevent_destroy = true } alone does not, as it goes with the block. Pulumi: the resource option protect or retainOnDelete.',
  references: {},
  evaluate(r) {
    if (r.type === 'AWS::RDS::DBInstance' && r.get('DBClusterIdentifier')) {
      return r.notApplicable('instance of a DB cluster: the data lives in the cluster');
    }
    return checkKeepPolicy(r, 'DeletionPolicy', defaultDeletionPolicy(r));
  },
});
