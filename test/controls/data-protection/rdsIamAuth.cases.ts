import control from '../../../src/controls/data-protection/rdsIamAuth.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      EnableIAMDatabaseAuthentication: true
`,
    `Resources:
  B:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
      EnableIAMDatabaseAuthentication: true
`,
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
`,
    `Resources:
  B:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      EnableIAMDatabaseAuthentication: false
`,
  ],
  unknown: [
    { name: "parameter without default", template: `Parameters:
  Iam: { Type: String }
Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mariadb
      EnableIAMDatabaseAuthentication: !Ref Iam
` },
  ],
  not_applicable: [
    `Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: sqlserver-se
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
});
