import control from '../../../src/controls/resilience/rdsMultiAz.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      MultiAZ: true
`,
    `{"Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"MultiAZ": "true"}}}}`,
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
    Type: AWS::RDS::DBInstance
    Properties:
      MultiAZ: false
`,
  ],
  unknown: [
    { name: "parameter without default", template: `Parameters:
  Az: { Type: String }
Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      MultiAZ: !Ref Az
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
    `Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      SourceDBInstanceIdentifier: arn:aws:rds:eu-west-1:123456789012:db:main
`,
  ],
});
