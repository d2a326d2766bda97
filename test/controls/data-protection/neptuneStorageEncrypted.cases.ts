import control from '../../../src/controls/data-protection/neptuneStorageEncrypted.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Db:
    Type: AWS::Neptune::DBCluster
    Properties:
      DBClusterIdentifier: graph
      StorageEncrypted: true # <--
`,
    tf(`resource "aws_neptune_cluster" "db" {
  cluster_identifier = "graph"
  storage_encrypted = true # <--
}
`, { name: 'storage_encrypted = true' }),
  ],
  fail: [
    { name: 'StorageEncrypted left out', template: `Resources:
  Db: # <--
    Type: AWS::Neptune::DBCluster
    Properties:
      DBClusterIdentifier: graph
` },
    `Resources:
  Db:
    Type: AWS::Neptune::DBCluster
    Properties:
      DBClusterIdentifier: graph
      StorageEncrypted: false # <--
`,
    tf(`resource "aws_neptune_cluster" "db" { # <--
  cluster_identifier = "graph"
}
`, { name: 'storage_encrypted left out' }),
    tf(`resource "aws_neptune_cluster" "db" {
  cluster_identifier = "graph"
  storage_encrypted = false # <--
}
`, { name: 'storage_encrypted = false' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Enc: { Type: String }
Resources:
  Db:
    Type: AWS::Neptune::DBCluster
    Properties:
      DBClusterIdentifier: graph
      StorageEncrypted: !Ref Enc # <--
` },
    { name: 'restored from a snapshot', template: `Resources:
  Db:
    Type: AWS::Neptune::DBCluster
    Properties:
      DBClusterIdentifier: graph
      SnapshotIdentifier: snap-1 # <--
` },
    tf(`variable "encrypt" {
  type = bool
}

resource "aws_neptune_cluster" "db" {
  cluster_identifier = "graph"
  storage_encrypted = var.encrypt # <--
}
`, { name: 'storage_encrypted from a variable without a value' }),
  ],
});
