import control from '../../../src/controls/audit/neptuneAuditLogExport.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Db:
    Type: AWS::Neptune::DBCluster
    Properties:
      DBClusterIdentifier: graph
      EnableCloudwatchLogsExports: [audit] # <--
`,
    tf(`resource "aws_neptune_cluster" "db" {
  cluster_identifier = "graph"
  enable_cloudwatch_logs_exports = ["audit"] # <--
}
`, { name: 'audit exported' }),
  ],
  fail: [
    { name: 'no log exports', template: `Resources:
  Db: # <--
    Type: AWS::Neptune::DBCluster
    Properties:
      DBClusterIdentifier: graph
` },
    { name: 'other log type only', template: `Resources:
  Db:
    Type: AWS::Neptune::DBCluster
    Properties:
      DBClusterIdentifier: graph
      EnableCloudwatchLogsExports: [slowquery] # <--
` },
    tf(`resource "aws_neptune_cluster" "db" { # <--
  cluster_identifier = "graph"
}
`, { name: 'no log exports' }),
    tf(`resource "aws_neptune_cluster" "db" {
  cluster_identifier = "graph"
  enable_cloudwatch_logs_exports = ["slowquery"] # <--
}
`, { name: 'other log type only' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Logs: { Type: CommaDelimitedList }
Resources:
  Db:
    Type: AWS::Neptune::DBCluster
    Properties:
      DBClusterIdentifier: graph
      EnableCloudwatchLogsExports: !Ref Logs # <--
` },
    tf(`variable "logs" {
  type = list(string)
}

resource "aws_neptune_cluster" "db" {
  cluster_identifier = "graph"
  enable_cloudwatch_logs_exports = var.logs # <--
}
`, { name: 'log types from a variable' }),
  ],
});
