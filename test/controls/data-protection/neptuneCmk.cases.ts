import control from '../../../src/controls/data-protection/neptuneCmk.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Db:
    Type: AWS::Neptune::DBCluster
    Properties:
      DBClusterIdentifier: graph
      StorageEncrypted: true
      KmsKeyId: !GetAtt Key.Arn # <--
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy: {}
`,
    tf(`resource "aws_kms_key" "db" {}

resource "aws_neptune_cluster" "db" {
  cluster_identifier = "graph"
  storage_encrypted = true
  kms_key_arn       = aws_kms_key.db.arn # <--
}
`, { name: 'kms_key_arn from a key' }),
  ],
  fail: [
    { name: 'AWS managed key', template: `Resources:
  Db: # <--
    Type: AWS::Neptune::DBCluster
    Properties:
      StorageEncrypted: true
` },
    tf(`resource "aws_neptune_cluster" "db" { # <--
  cluster_identifier = "graph"
  storage_encrypted = true
}
`, { name: 'kms_key_arn left out' }),
  ],
  unknown: [
    { name: 'key from a parameter without a value', template: `Parameters:
  KeyArn: { Type: String }
Resources:
  Db:
    Type: AWS::Neptune::DBCluster
    Properties:
      DBClusterIdentifier: graph
      StorageEncrypted: true
      KmsKeyId: !Ref KeyArn # <--
` },
    tf(`variable "key_arn" {
  type = string
}

resource "aws_neptune_cluster" "db" {
  cluster_identifier = "graph"
  storage_encrypted = true
  kms_key_arn = var.key_arn # <--
}
`, { name: 'key from a variable without a value' }),
  ],
});
