import control from '../../../src/controls/resilience/rdsDeletionProtection.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      DeletionProtection: true
`,
    `Resources:
  B:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
      DeletionProtection: true
`,
    { name: "parameter default", template: `Parameters:
  Protect: { Type: String, Default: 'true' }
Resources:
  B:
    Type: AWS::RDS::DBCluster
    Properties:
      DeletionProtection: !Ref Protect
` },
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
      DeletionProtection: false
`,
  ],
  unknown: [
    { name: "parameter without default", template: `Parameters:
  Protect: { Type: String }
Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      DeletionProtection: !Ref Protect
` },
  ],
  not_applicable: [
    `Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      DeletionProtection: true
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      DBClusterIdentifier: !Ref Cluster
`,
  ],
});
