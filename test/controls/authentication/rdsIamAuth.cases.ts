import control from '../../../src/controls/authentication/rdsIamAuth.js';
import { cases, tf } from '../../helpers/cases.js';
import { TF_MEMBER, markResource, tfCluster, tfInstance, tfVar } from '../builders/rds.js';

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
    tf(tfInstance('  iam_database_authentication_enabled = true # <--'), { name: 'aws_db_instance iam_database_authentication_enabled = true' }),
    tf(tfCluster('  iam_database_authentication_enabled = true # <--'), { name: 'aws_rds_cluster iam_database_authentication_enabled = true' }),
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
    tf(markResource(tfInstance(), 'aws_db_instance.db'), { name: 'iam_database_authentication_enabled not set' }),
    tf(tfCluster('  iam_database_authentication_enabled = false # <--'), { name: 'aws_rds_cluster iam_database_authentication_enabled = false' }),
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
    tf(tfInstance('  iam_database_authentication_enabled = var.iam_auth # <--', { before: tfVar('iam_auth', 'bool') }), { name: 'iam_database_authentication_enabled from a variable without a value' }),
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
    tf(tfInstance('', { engine: 'sqlserver-ex' }), { name: 'SQL Server does not support IAM authentication' }),
    tf(tfCluster('  iam_database_authentication_enabled = true') + TF_MEMBER, { name: 'aws_rds_cluster_instance: the cluster decides' }),
  ],
});
