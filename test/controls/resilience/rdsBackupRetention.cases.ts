import control from '../../../src/controls/resilience/rdsBackupRetention.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      BackupRetentionPeriod: 7 # <--
`,
    `Resources:
  B:
    Type: AWS::RDS::DBCluster
    Properties:
      BackupRetentionPeriod: '35' # <--
`,
    { name: "Fn::If with both branches long enough", template: `Parameters:
  Env: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      BackupRetentionPeriod: !If [IsProd, 35, 7] # <--
` },
    tf(`resource "aws_db_instance" "main" {
  identifier                  = "orders"
  engine                      = "postgres"
  engine_version              = "16.3"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  username                    = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  backup_retention_period     = 14 # <--
  backup_window               = "03:00-04:00"
}
`),
    tf(`resource "aws_rds_cluster" "main" {
  cluster_identifier          = "orders"
  engine                      = "aurora-postgresql"
  master_username             = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  backup_retention_period     = 35 # <--
}

resource "aws_rds_cluster_instance" "writer" {
  identifier         = "orders-1"
  cluster_identifier = aws_rds_cluster.main.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.main.engine
}
`),
  ],
  fail: [
    `Resources:
  B: # <--
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
`,
    `Resources:
  B:
    Type: AWS::RDS::DBCluster
    Properties:
      BackupRetentionPeriod: 1 # <--
`,
    `Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      BackupRetentionPeriod: 0 # <--
`,
    tf(`resource "aws_db_instance" "main" { # <--
  identifier                  = "orders"
  engine                      = "postgres"
  engine_version              = "16.3"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  username                    = "app"
  manage_master_user_password = true
  storage_encrypted           = true
}
`, { name: 'one day by default' }),
    tf(`resource "aws_db_instance" "main" {
  identifier                  = "orders"
  engine                      = "postgres"
  engine_version              = "16.3"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  username                    = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  backup_retention_period     = 0 # <--
  skip_final_snapshot         = true
}
`, { name: 'automated backups off' }),
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
      BackupRetentionPeriod: !If [IsProd, 35, 1] # <--
` },
    tf(`variable "backup_retention_days" {
  type = number
}

resource "aws_rds_cluster" "main" {
  cluster_identifier          = "orders"
  engine                      = "aurora-postgresql"
  master_username             = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  backup_retention_period     = var.backup_retention_days # <--
}
`, { name: 'retention from a variable without a value' }),
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
    tf(`resource "aws_rds_cluster" "main" {
  cluster_identifier          = "orders"
  engine                      = "aurora-postgresql"
  master_username             = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  backup_retention_period     = 7
}

resource "aws_rds_cluster_instance" "writer" {
  identifier         = "orders-1"
  cluster_identifier = aws_rds_cluster.main.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.main.engine
}
`, { name: 'an Aurora cluster member' }),
  ],
});
