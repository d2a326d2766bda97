import control from '../../../src/controls/resilience/neptuneBackupRetention.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Db:
    Type: AWS::Neptune::DBCluster
    Properties:
      DBClusterIdentifier: graph
      BackupRetentionPeriod: 14 # <--
`,
    tf(`resource "aws_neptune_cluster" "db" {
  cluster_identifier = "graph"
  backup_retention_period = 7 # <--
}
`, { name: '7 days' }),
  ],
  fail: [
    { name: 'left out (1 day)', template: `Resources:
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
      BackupRetentionPeriod: 3 # <--
`,
    tf(`resource "aws_neptune_cluster" "db" { # <--
  cluster_identifier = "graph"
}
`, { name: 'left out (1 day)' }),
    tf(`resource "aws_neptune_cluster" "db" {
  cluster_identifier = "graph"
  backup_retention_period = 1 # <--
}
`, { name: '1 day' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Days: { Type: Number }
Resources:
  Db:
    Type: AWS::Neptune::DBCluster
    Properties:
      DBClusterIdentifier: graph
      BackupRetentionPeriod: !Ref Days # <--
` },
    tf(`variable "days" {
  type = number
}

resource "aws_neptune_cluster" "db" {
  cluster_identifier = "graph"
  backup_retention_period = var.days # <--
}
`, { name: 'from a variable' }),
  ],
});
