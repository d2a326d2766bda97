import control from '../../../src/controls/data-protection/memorydbCmk.js';
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
      KmsKeyId: arn:aws:kms:eu-west-1:111122223333:key/abc # <--
`,
    tf(`resource "aws_kms_key" "sessions" {}

resource "aws_memorydb_cluster" "sessions" {
  name      = "sessions"
  node_type = "db.r7g.large"
  acl_name  = "app-acl"
  engine    = "valkey"
  engine_version = "7.2"
  kms_key_arn = aws_kms_key.sessions.arn # <--
}
`, { name: 'key from aws_kms_key' }),
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
    tf(`resource "aws_memorydb_cluster" "sessions" { # <--
  name      = "sessions"
  node_type = "db.r7g.large"
  acl_name  = "app-acl"
  engine    = "valkey"
  engine_version = "7.2"
}
`, { name: 'left out' }),
  ],
  unknown: [
    tf(`variable "key" {
  type = string
}

resource "aws_memorydb_cluster" "sessions" {
  name      = "sessions"
  node_type = "db.r7g.large"
  acl_name  = "app-acl"
  engine    = "valkey"
  engine_version = "7.2"
  kms_key_arn = var.key # <--
}
`, { name: 'from a variable' }),
  ],
});
