import control from '../../../src/controls/resilience/rdsBackupRetention.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      BackupRetentionPeriod: 7
`,
    `Resources:
  B:
    Type: AWS::RDS::DBCluster
    Properties:
      BackupRetentionPeriod: '35'
`,
    { name: "Fn::If with both branches long enough", template: `Parameters:
  Env: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      BackupRetentionPeriod: !If [IsProd, 35, 7]
` },
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
      BackupRetentionPeriod: 1
`,
    `Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      BackupRetentionPeriod: 0
`,
  ],
  unknown: [
    { name: "Fn::If between 35 and 1", template: `Parameters:
  Env: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      BackupRetentionPeriod: !If [IsProd, 35, 1]
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
