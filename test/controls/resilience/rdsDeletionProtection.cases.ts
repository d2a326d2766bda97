import control from '../../../src/controls/resilience/rdsDeletionProtection.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      DeletionProtection: true # <--
`,
    `Resources:
  B:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
      DeletionProtection: true # <--
`,
    { name: "parameter default", template: `Parameters:
  Protect: { Type: String, Default: 'true' }
Resources:
  B:
    Type: AWS::RDS::DBCluster
    Properties:
      DeletionProtection: !Ref Protect # <--
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
  deletion_protection         = true # <--
}
`),
    tf(`resource "aws_rds_cluster" "main" {
  cluster_identifier          = "orders"
  engine                      = "aurora-postgresql"
  master_username             = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  deletion_protection         = true # <--
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
      Engine: mysql
`,
    `Resources:
  B:
    Type: AWS::RDS::DBCluster
    Properties:
      DeletionProtection: false # <--
`,
    tf(`resource "aws_rds_cluster" "main" { # <--
  cluster_identifier          = "orders"
  engine                      = "aurora-postgresql"
  master_username             = "app"
  manage_master_user_password = true
  storage_encrypted           = true
}

resource "aws_rds_cluster_instance" "writer" {
  identifier         = "orders-1"
  cluster_identifier = aws_rds_cluster.main.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.main.engine
}
`, { name: 'off by default' }),
    tf(`resource "aws_db_instance" "main" {
  identifier                  = "orders"
  engine                      = "postgres"
  engine_version              = "16.3"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  username                    = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  deletion_protection         = false # <--
}
`),
  ],
  unknown: [
    { name: "parameter without default", template: `Parameters:
  Protect: { Type: String }
Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      DeletionProtection: !Ref Protect # <--
` },
    tf(`variable "deletion_protection" {
  type = bool
}

resource "aws_db_instance" "main" {
  identifier                  = "orders"
  engine                      = "postgres"
  engine_version              = "16.3"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  username                    = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  deletion_protection         = var.deletion_protection # <--
}
`),
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
    tf(`resource "aws_rds_cluster" "main" {
  cluster_identifier          = "orders"
  engine                      = "aurora-postgresql"
  master_username             = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  deletion_protection         = true
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
