import control from '../../../src/controls/deployment/noPlaintextSecrets.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      MasterUsername: admin
      MasterUserPassword: "{{resolve:secretsmanager:prod/db:SecretString:password}}"`,
    `Resources:
  Db:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      MasterUsername: admin
      ManageMasterUserPassword: true`,
    { name: 'NoEcho parameter without default', template: `Parameters:
  DbPassword: { Type: String, NoEcho: true }
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      MasterUsername: admin
      MasterUserPassword: !Ref DbPassword` },
    `Resources:
  Secret:
    Type: AWS::SecretsManager::Secret
    Properties:
      GenerateSecretString:
        PasswordLength: 32`,
  ],
  fail: [
    `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      MasterUsername: admin
      MasterUserPassword: Sup3rSecret!`,
    { name: 'NoEcho parameter with a default', template: `Parameters:
  DbPassword: { Type: String, NoEcho: true, Default: changeme123 }
Resources:
  Db:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
      MasterUsername: admin
      MasterUserPassword: !Ref DbPassword` },
    `Resources:
  Cache:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: cache
      AuthToken: abcdefghijklmnopqrstuvwxyz`,
    { name: 'parameter without NoEcho (shown by DescribeStacks)', template: `Parameters:
  AdminPw: { Type: String, MinLength: 12 }
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      MasterUsername: root
      MasterUserPassword: !Ref AdminPw` },
  ],
  not_applicable: [
    `Resources:
  Replica:
    Type: AWS::RDS::DBInstance
    Properties:
      SourceDBInstanceIdentifier: primary`,
  ],
});
