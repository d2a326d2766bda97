# Database: Aurora PostgreSQL with a managed master password, reached only from the ECS
# tasks (../platform/rds.yaml).

# Kept when it leaves the configuration (DeletionPolicy: Retain in the CloudFormation example).
resource "aws_kms_key" "db" {
  description             = "Encrypts the platform database"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AccountAdministration"
      Effect    = "Allow"
      Principal = { AWS = "arn:${local.partition}:iam::${local.account_id}:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_db_subnet_group" "main" {
  description = "Private subnets of the platform VPC"
  subnet_ids  = [aws_subnet.private_a.id, aws_subnet.private_b.id]
}

# Terraform removes the allow-all egress rule AWS gives a new security group; like most
# configurations, this one writes it back, which is what the CloudFormation example leaves
# in place: unrestricted egress (a deliberate gap).
resource "aws_security_group" "db" {
  description = "PostgreSQL from the application tasks only"
  vpc_id      = aws_vpc.main.id

  ingress {
    protocol        = "tcp"
    from_port       = 5432
    to_port         = 5432
    security_groups = [aws_security_group.task.id]
    description     = "PostgreSQL from tasks"
  }

  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
    description = "All outbound traffic"
  }
}

# A final snapshot is taken when the cluster is destroyed (DeletionPolicy and
# UpdateReplacePolicy Snapshot in the CloudFormation example).
resource "aws_rds_cluster" "main" {
  engine                              = "aurora-postgresql"
  engine_version                      = "15.4"
  database_name                       = "platform"
  master_username                     = "platform_admin"
  manage_master_user_password         = true
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.db.arn
  db_subnet_group_name                = aws_db_subnet_group.main.name
  vpc_security_group_ids              = [aws_security_group.db.id]
  backup_retention_period             = var.environment == "prod" ? 35 : 7
  deletion_protection                 = var.environment == "prod"
  iam_database_authentication_enabled = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  copy_tags_to_snapshot               = true
  skip_final_snapshot                 = false
  final_snapshot_identifier           = "platform-${var.environment}-final"
  tags = {
    "platform:component" = "database"
  }
}

resource "aws_rds_cluster_instance" "a" {
  cluster_identifier         = aws_rds_cluster.main.id
  engine                     = aws_rds_cluster.main.engine
  instance_class             = "db.r6g.large"
  publicly_accessible        = false
  auto_minor_version_upgrade = true
}

# The reporting database's password is kept in Secrets Manager, outside this configuration.
data "aws_secretsmanager_secret_version" "reporting" {
  secret_id = "platform/reporting-db"
}

# Reporting replica: a plain PostgreSQL instance with weaker settings (deliberate gaps)
resource "aws_db_instance" "reporting" {
  engine                    = "postgres"
  instance_class            = "db.t4g.medium"
  allocated_storage         = 50
  username                  = "reporting"
  password                  = jsondecode(data.aws_secretsmanager_secret_version.reporting.secret_string)["password"]
  db_subnet_group_name      = aws_db_subnet_group.main.name
  vpc_security_group_ids    = [aws_security_group.db.id]
  storage_encrypted         = false
  backup_retention_period   = 1
  publicly_accessible       = false
  multi_az                  = false
  final_snapshot_identifier = "platform-${var.environment}-reporting-final"
}
