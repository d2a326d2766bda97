import control from '../../../src/controls/resilience/docdbBackupRetention.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Db:
    Type: AWS::DocDB::DBCluster
    Properties:
      MasterUsername: admin
      BackupRetentionPeriod: 14 # <--
`,
    tf(`resource "aws_docdb_cluster" "db" {
  cluster_identifier = "db"
  backup_retention_period = 7 # <--
}
`, { name: '7 days' }),
  ],
  fail: [
    { name: 'left out (1 day)', template: `Resources:
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
      BackupRetentionPeriod: 3 # <--
`,
    tf(`resource "aws_docdb_cluster" "db" { # <--
  cluster_identifier = "db"
}
`, { name: 'left out (1 day)' }),
    tf(`resource "aws_docdb_cluster" "db" {
  cluster_identifier = "db"
  backup_retention_period = 1 # <--
}
`, { name: '1 day' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Days: { Type: Number }
Resources:
  Db:
    Type: AWS::DocDB::DBCluster
    Properties:
      MasterUsername: admin
      BackupRetentionPeriod: !Ref Days # <--
` },
    tf(`variable "days" {
  type = number
}

resource "aws_docdb_cluster" "db" {
  cluster_identifier = "db"
  backup_retention_period = var.days # <--
}
`, { name: 'from a variable' }),
  ],
});
