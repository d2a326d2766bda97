import control from '../../../src/controls/data-protection/docdbStorageEncrypted.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Db:
    Type: AWS::DocDB::DBCluster
    Properties:
      MasterUsername: admin
      StorageEncrypted: true # <--
`,
    tf(`resource "aws_docdb_cluster" "db" {
  cluster_identifier = "db"
  storage_encrypted = true # <--
}
`, { name: 'storage_encrypted = true' }),
  ],
  fail: [
    { name: 'StorageEncrypted left out', template: `Resources:
  Db: # <--
    Type: AWS::DocDB::DBCluster
    Properties:
      MasterUsername: admin
` },
    `Resources:
  Db:
    Type: AWS::DocDB::DBCluster
    Properties:
      MasterUsername: admin
      StorageEncrypted: false # <--
`,
    tf(`resource "aws_docdb_cluster" "db" { # <--
  cluster_identifier = "db"
}
`, { name: 'storage_encrypted left out' }),
    tf(`resource "aws_docdb_cluster" "db" {
  cluster_identifier = "db"
  storage_encrypted = false # <--
}
`, { name: 'storage_encrypted = false' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Enc: { Type: String }
Resources:
  Db:
    Type: AWS::DocDB::DBCluster
    Properties:
      MasterUsername: admin
      StorageEncrypted: !Ref Enc # <--
` },
    { name: 'restored from a snapshot', template: `Resources:
  Db:
    Type: AWS::DocDB::DBCluster
    Properties:
      MasterUsername: admin
      SnapshotIdentifier: snap-1 # <--
` },
    tf(`variable "encrypt" {
  type = bool
}

resource "aws_docdb_cluster" "db" {
  cluster_identifier = "db"
  storage_encrypted = var.encrypt # <--
}
`, { name: 'storage_encrypted from a variable without a value' }),
  ],
});
