import control from '../../../src/controls/data-protection/rdsLogExports.js';
import { cases } from '../../helpers/cases.js';

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
  ],
});
