import control from '../../../src/controls/data-protection/memorydbTls.js';
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
      TLSEnabled: true # <--
`,
    tf(`resource "aws_memorydb_cluster" "sessions" {
  name      = "sessions"
  node_type = "db.r7g.large"
  acl_name  = "app-acl"
  engine    = "valkey"
  engine_version = "7.2"
  tls_enabled = true # <--
}
`, { name: 'true' }),
    tf(`resource "aws_memorydb_cluster" "sessions" { # <--
  name      = "sessions"
  node_type = "db.r7g.large"
  acl_name  = "app-acl"
  engine    = "valkey"
  engine_version = "7.2"
}
`, { name: 'left out (provider default true)' }),
  ],
  fail: [
    `Resources:
  R:
    Type: AWS::MemoryDB::Cluster
    Properties:
      ClusterName: sessions
      NodeType: db.r7g.large
      ACLName: open-access
      TLSEnabled: false # <--
`,
    tf(`resource "aws_memorydb_cluster" "sessions" {
  name        = "sessions"
  node_type   = "db.r7g.large"
  acl_name    = "open-access"
  engine      = "redis"
  engine_version = "7.1"
  tls_enabled = false # <--
}
`, { name: 'false' }),
  ],
  unknown: [
    { name: 'left out in CloudFormation', template: `Resources:
  R: # <--
    Type: AWS::MemoryDB::Cluster
    Properties:
      ClusterName: sessions
      NodeType: db.r7g.large
      ACLName: app-acl
` },
    { name: 'parameter without a value', template: `Parameters:
  Tls: { Type: String }
Resources:
  R:
    Type: AWS::MemoryDB::Cluster
    Properties:
      ClusterName: sessions
      NodeType: db.r7g.large
      ACLName: app-acl
      TLSEnabled: !Ref Tls # <--
` },
    tf(`variable "tls" {
  type = bool
}

resource "aws_memorydb_cluster" "sessions" {
  name        = "sessions"
  node_type   = "db.r7g.large"
  acl_name    = "app-acl"
  engine      = "valkey"
  engine_version = "7.2"
  tls_enabled = var.tls # <--
}
`, { name: 'from a variable' }),
  ],
});
