import control from '../../../src/controls/audit/docdbAuditLogExport.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Db:
    Type: AWS::DocDB::DBCluster
    Properties:
      MasterUsername: admin
      EnableCloudwatchLogsExports: [audit] # <--
`,
    tf(`resource "aws_docdb_cluster" "db" {
  cluster_identifier = "db"
  enabled_cloudwatch_logs_exports = ["audit"] # <--
}
`, { name: 'audit exported' }),
  ],
  fail: [
    { name: 'no log exports', template: `Resources:
  Db: # <--
    Type: AWS::DocDB::DBCluster
    Properties:
      MasterUsername: admin
` },
    { name: 'other log type only', template: `Resources:
  Db:
    Type: AWS::DocDB::DBCluster
    Properties:
      MasterUsername: admin
      EnableCloudwatchLogsExports: [profiler] # <--
` },
    tf(`resource "aws_docdb_cluster" "db" { # <--
  cluster_identifier = "db"
}
`, { name: 'no log exports' }),
    tf(`resource "aws_docdb_cluster" "db" {
  cluster_identifier = "db"
  enabled_cloudwatch_logs_exports = ["profiler"] # <--
}
`, { name: 'other log type only' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Logs: { Type: CommaDelimitedList }
Resources:
  Db:
    Type: AWS::DocDB::DBCluster
    Properties:
      MasterUsername: admin
      EnableCloudwatchLogsExports: !Ref Logs # <--
` },
    tf(`variable "logs" {
  type = list(string)
}

resource "aws_docdb_cluster" "db" {
  cluster_identifier = "db"
  enabled_cloudwatch_logs_exports = var.logs # <--
}
`, { name: 'log types from a variable' }),
  ],
});
