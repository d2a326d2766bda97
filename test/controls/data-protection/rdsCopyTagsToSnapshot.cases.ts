import control from '../../../src/controls/data-protection/rdsCopyTagsToSnapshot.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      CopyTagsToSnapshot: true
`,
    `Resources:
  B:
    Type: AWS::RDS::DBCluster
    Properties:
      CopyTagsToSnapshot: 'true'
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
      CopyTagsToSnapshot: false
`,
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
