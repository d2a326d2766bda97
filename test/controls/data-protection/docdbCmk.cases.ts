import control from '../../../src/controls/data-protection/docdbCmk.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Db:
    Type: AWS::DocDB::DBCluster
    Properties:
      MasterUsername: admin
      StorageEncrypted: true
      KmsKeyId: !GetAtt Key.Arn # <--
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy: {}
`,
    tf(`resource "aws_kms_key" "db" {}

resource "aws_docdb_cluster" "db" {
  cluster_identifier = "db"
  storage_encrypted = true
  kms_key_id        = aws_kms_key.db.arn # <--
}
`, { name: 'kms_key_id from a key' }),
  ],
  fail: [
    { name: 'AWS managed key', template: `Resources:
  Db: # <--
    Type: AWS::DocDB::DBCluster
    Properties:
      StorageEncrypted: true
` },
    tf(`resource "aws_docdb_cluster" "db" { # <--
  cluster_identifier = "db"
  storage_encrypted = true
}
`, { name: 'kms_key_id left out' }),
  ],
  unknown: [
    { name: 'key from a parameter without a value', template: `Parameters:
  KeyArn: { Type: String }
Resources:
  Db:
    Type: AWS::DocDB::DBCluster
    Properties:
      MasterUsername: admin
      StorageEncrypted: true
      KmsKeyId: !Ref KeyArn # <--
` },
    tf(`variable "key_arn" {
  type = string
}

resource "aws_docdb_cluster" "db" {
  cluster_identifier = "db"
  storage_encrypted = true
  kms_key_id = var.key_arn # <--
}
`, { name: 'key from a variable without a value' }),
  ],
});
