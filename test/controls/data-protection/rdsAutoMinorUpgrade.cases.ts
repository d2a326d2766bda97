import control from '../../../src/controls/data-protection/rdsAutoMinorUpgrade.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
`,
    `Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      AutoMinorVersionUpgrade: true
`,
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
  fail: [
    `Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      AutoMinorVersionUpgrade: false
`,
    { name: "parameter default false", template: `Parameters:
  Up: { Type: String, Default: 'false' }
Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      AutoMinorVersionUpgrade: !Ref Up
` },
  ],
  unknown: [
    { name: "Fn::If on an undecidable condition", template: `Parameters:
  Env: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      AutoMinorVersionUpgrade: !If [IsProd, false, true]
` },
  ],
});
