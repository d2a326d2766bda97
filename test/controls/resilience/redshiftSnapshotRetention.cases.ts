import control from '../../../src/controls/resilience/redshiftSnapshotRetention.js';
import { cases, tf } from '../../helpers/cases.js';
import { cluster } from '../builders/redshift.js';

export default cases(control, {
  pass: [
    { name: 'not set: 1 day', template: cluster('', { marked: true }) },
    { name: 'a week', template: cluster('      AutomatedSnapshotRetentionPeriod: 7 # <--') },
    tf(`resource "aws_redshift_cluster" "warehouse" { # <--
  cluster_identifier     = "warehouse"
  node_type              = "ra3.xlplus"
  cluster_type           = "multi-node"
  number_of_nodes        = 2
  database_name          = "analytics"
  master_username        = "admin"
  manage_master_password = true
}
`, { name: 'Terraform: not set, 1 day' }),
    tf(`resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier     = "warehouse"
  node_type              = "ra3.xlplus"
  cluster_type           = "multi-node"
  number_of_nodes        = 2
  database_name          = "analytics"
  master_username        = "admin"
  manage_master_password = true
  automated_snapshot_retention_period = 7 # <--
}
`, { name: 'Terraform: a week' }),
  ],
  fail: [
    { name: 'automated snapshots off', template: cluster('      AutomatedSnapshotRetentionPeriod: 0 # <--') },
    tf(`resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier     = "warehouse"
  node_type              = "ra3.xlplus"
  cluster_type           = "multi-node"
  number_of_nodes        = 2
  database_name          = "analytics"
  master_username        = "admin"
  manage_master_password = true
  automated_snapshot_retention_period = 0 # <--
}
`, { name: 'Terraform: automated snapshots off' }),
  ],
  unknown: [
    { name: 'from a parameter', template: cluster('      AutomatedSnapshotRetentionPeriod: !Ref Days # <--', { before: 'Parameters:\n  Days: { Type: Number }\n' }) },
    tf(`variable "snapshot_days" {
  type = number
}

resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier     = "warehouse"
  node_type              = "ra3.xlplus"
  cluster_type           = "multi-node"
  number_of_nodes        = 2
  database_name          = "analytics"
  master_username        = "admin"
  manage_master_password = true
  automated_snapshot_retention_period = var.snapshot_days # <--
}
`, { name: 'Terraform: from a variable without a value' }),
  ],
});
