import control from '../../../src/controls/resilience/docdbDeletionProtection.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Db:
    Type: AWS::DocDB::DBCluster
    Properties:
      MasterUsername: admin
      DeletionProtection: true # <--
`,
    tf(`resource "aws_docdb_cluster" "db" {
  cluster_identifier = "db"
  deletion_protection = true # <--
}
`, { name: 'on' }),
  ],
  fail: [
    { name: 'left out', template: `Resources:
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
      DeletionProtection: false # <--
`,
    tf(`resource "aws_docdb_cluster" "db" { # <--
  cluster_identifier = "db"
}
`, { name: 'left out' }),
    tf(`resource "aws_docdb_cluster" "db" {
  cluster_identifier = "db"
  deletion_protection = false # <--
}
`, { name: 'false' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Protect: { Type: String }
Resources:
  Db:
    Type: AWS::DocDB::DBCluster
    Properties:
      MasterUsername: admin
      DeletionProtection: !Ref Protect # <--
` },
    tf(`variable "protect" {
  type = bool
}

resource "aws_docdb_cluster" "db" {
  cluster_identifier  = "db"
  deletion_protection = var.protect # <--
}
`, { name: 'from a variable' }),
  ],
});
