import control from '../../../src/controls/audit/docdbProfilerLogExport.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Db:
    Type: AWS::DocDB::DBCluster
    Properties:
      MasterUsername: admin
      EnableCloudwatchLogsExports: [audit, profiler] # <--
`,
    tf(`resource "aws_docdb_cluster" "db" {
  cluster_identifier = "db"
  enabled_cloudwatch_logs_exports = ["audit", "profiler"] # <--
}
`, { name: 'profiler exported' }),
  ],
  fail: [
    { name: 'no log exports', template: `Resources:
  Db: # <--
    Type: AWS::DocDB::DBCluster
    Properties:
      MasterUsername: admin
` },
    { name: 'audit only', template: `Resources:
  Db:
    Type: AWS::DocDB::DBCluster
    Properties:
      MasterUsername: admin
      EnableCloudwatchLogsExports: [audit] # <--
` },
    tf(`resource "aws_docdb_cluster" "db" { # <--
  cluster_identifier = "db"
}
`, { name: 'no log exports' }),
    tf(`resource "aws_docdb_cluster" "db" {
  cluster_identifier = "db"
  enabled_cloudwatch_logs_exports = ["audit"] # <--
}
`, { name: 'audit only' }),
  ],
  unknown: [
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
