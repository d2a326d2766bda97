import control from '../../../src/controls/resilience/memorydbSnapshotRetention.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::MemoryDB::Cluster
    Properties:
      ClusterName: sessions
      NodeType: db.r7g.large
      ACLName: app-acl
      SnapshotRetentionLimit: 7 # <--
`,
    tf(`resource "aws_memorydb_cluster" "sessions" {
  name      = "sessions"
  node_type = "db.r7g.large"
  acl_name  = "app-acl"
  engine    = "valkey"
  engine_version = "7.2"
  snapshot_retention_limit = 14 # <--
}
`, { name: '14 days' }),
  ],
  fail: [
    { name: 'left out', template: `Resources:
  R: # <--
    Type: AWS::MemoryDB::Cluster
    Properties:
      ClusterName: sessions
      NodeType: db.r7g.large
      ACLName: app-acl
` },
    `Resources:
  R:
    Type: AWS::MemoryDB::Cluster
    Properties:
      ClusterName: sessions
      NodeType: db.r7g.large
      ACLName: app-acl
      SnapshotRetentionLimit: 1 # <--
`,
    tf(`resource "aws_memorydb_cluster" "sessions" { # <--
  name      = "sessions"
  node_type = "db.r7g.large"
  acl_name  = "app-acl"
  engine    = "valkey"
  engine_version = "7.2"
}
`, { name: 'left out (provider default 0)' }),
  ],
  unknown: [
    tf(`variable "days" {
  type = number
}

resource "aws_memorydb_cluster" "sessions" {
  name      = "sessions"
  node_type = "db.r7g.large"
  acl_name  = "app-acl"
  engine    = "valkey"
  engine_version = "7.2"
  snapshot_retention_limit = var.days # <--
}
`, { name: 'from a variable' }),
  ],
});
