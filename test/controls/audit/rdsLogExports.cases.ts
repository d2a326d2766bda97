import control from '../../../src/controls/audit/rdsLogExports.js';
import { cases, tf } from '../../helpers/cases.js';
import { TF_MEMBER, markResource, tfCluster, tfInstance, tfVar } from '../builders/rds.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      EnableCloudwatchLogsExports: [postgresql, upgrade]
`,
    `Resources:
  B:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
      EnableCloudwatchLogsExports: [audit, error]
`,
    tf(tfInstance('  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"] # <--'), { name: 'aws_db_instance exports postgresql and upgrade logs' }),
    tf(tfCluster('  enabled_cloudwatch_logs_exports = ["audit", "error", "general", "slowquery"] # <--', { engine: 'aurora-mysql' }), { name: 'aws_rds_cluster exports its logs' }),
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
`,
    `Resources:
  B:
    Type: AWS::RDS::DBCluster
    Properties:
      EnableCloudwatchLogsExports: []
`,
    tf(markResource(tfInstance(), 'aws_db_instance.db'), { name: 'enabled_cloudwatch_logs_exports not set' }),
    tf(tfCluster('  enabled_cloudwatch_logs_exports = [] # <--'), { name: 'empty enabled_cloudwatch_logs_exports' }),
  ],
  unknown: [
    { name: "log list from a parameter without default", template: `Parameters:
  Logs: { Type: CommaDelimitedList }
Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      EnableCloudwatchLogsExports: !Ref Logs
` },
    tf(tfInstance('  enabled_cloudwatch_logs_exports = var.log_types # <--', { before: tfVar('log_types', 'list(string)') }), { name: 'enabled_cloudwatch_logs_exports from a variable without a value' }),
  ],
  not_applicable: [
    `Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: aurora-postgresql
      DBClusterIdentifier: !Ref Cluster
`,
    tf(tfCluster('  enabled_cloudwatch_logs_exports = ["postgresql"]') + TF_MEMBER, { name: 'aws_rds_cluster_instance: the cluster decides' }),
  ],
});
