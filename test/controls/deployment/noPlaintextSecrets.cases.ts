import control from '../../../src/controls/deployment/noPlaintextSecrets.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      MasterUsername: admin
      MasterUserPassword: "{{resolve:secretsmanager:prod/db:SecretString:password}}" # <--`,
    `Resources:
  Db:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      MasterUsername: admin
      ManageMasterUserPassword: true # <--`,
    { name: 'NoEcho parameter without default', template: `Parameters:
  DbPassword: { Type: String, NoEcho: true }
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      MasterUsername: admin
      MasterUserPassword: !Ref DbPassword # <--` },
    `Resources:
  Secret:
    Type: AWS::SecretsManager::Secret
    Properties:
      GenerateSecretString: # <--
        PasswordLength: 32`,
    tf(`variable "db_password" {
  type      = string
  sensitive = true
}
resource "aws_db_instance" "db" {
  engine   = "postgres"
  username = "admin"
  password = var.db_password # <--
}
`, { name: 'a sensitive variable without a value in the repository (Terraform\'s NoEcho)' }),
    tf(`resource "random_password" "db" {
  length = 32
}
resource "aws_rds_cluster" "db" {
  engine          = "aurora-postgresql"
  master_username = "admin"
  master_password = random_password.db.result # <--
}
`),
    tf(`resource "aws_db_instance" "db" {
  engine                      = "postgres"
  username                    = "admin"
  manage_master_user_password = true # <--
}
`),
    tf(`resource "aws_db_instance" "main" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t4g.medium"
  allocated_storage = 50
  username          = "app"
  manage_master_user_password = true # <--
}
`, { name: 'Terraform: password managed by RDS' }),
  ],
  fail: [
    `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      MasterUsername: admin
      MasterUserPassword: Sup3rSecret! # <--`,
    { name: 'NoEcho parameter with a default', template: `Parameters:
  DbPassword: { Type: String, NoEcho: true, Default: changeme123 }
Resources:
  Db:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
      MasterUsername: admin
      MasterUserPassword: !Ref DbPassword # <--` },
    `Resources:
  Cache:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: cache
      AuthToken: abcdefghijklmnopqrstuvwxyz # <--`,
    { name: 'parameter without NoEcho (shown by DescribeStacks)', template: `Parameters:
  AdminPw: { Type: String, MinLength: 12 }
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      MasterUsername: root
      MasterUserPassword: !Ref AdminPw # <--` },
    tf(`resource "aws_db_instance" "db" {
  engine   = "postgres"
  username = "admin"
  password = "Sup3rSecret!" # <--
}
`),
    tf(`variable "db_password" {
  default   = "changeme123"
  sensitive = true
}
resource "aws_db_instance" "db" {
  engine   = "postgres"
  password = var.db_password # <--
}
`, { name: 'a sensitive variable whose default is written in the configuration' }),
    tf(`variable "db_password" {
  type = string
}
resource "aws_elasticache_replication_group" "cache" {
  replication_group_id = "cache"
  description          = "cache"
  auth_token           = var.db_password # <--
}
`, { name: 'a variable not declared sensitive (Terraform shows it)' }),
    tf(`resource "aws_db_instance" "main" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t4g.medium"
  allocated_storage = 50
  username          = "app"
  password          = "Sup3rSecret!" # <--
}
`, { name: 'Terraform: literal password' }),
    tf(`resource "aws_rds_cluster" "main" {
  cluster_identifier = "orders"
  engine             = "aurora-postgresql"
  master_username    = "app"
  master_password    = "{{resolve:secretsmanager:prod/db:SecretString:password}}" # <--
}
`, { name: 'Terraform: a CloudFormation dynamic reference is not resolved by Terraform, so it is the password itself' }),
    tf(`resource "aws_secretsmanager_secret" "api" {
  name = "partner-api"
}

resource "aws_secretsmanager_secret_version" "api" {
  secret_id     = aws_secretsmanager_secret.api.id
  secret_string = jsonencode({ api_key = "9f8e7d6c5b4a39281706f5e4d3c2b1a0" }) # <--
}
`, { name: 'Terraform: secret value written in the configuration' }),
  ],
  not_applicable: [
    `Resources:
  Replica:
    Type: AWS::RDS::DBInstance
    Properties:
      SourceDBInstanceIdentifier: primary`,
  ],
});
