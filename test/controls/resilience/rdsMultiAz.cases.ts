import control from '../../../src/controls/resilience/rdsMultiAz.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      MultiAZ: true # <--
`,
    `{"Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"MultiAZ": "true"}}}}`,
    tf(`resource "aws_db_instance" "main" {
  identifier                  = "orders"
  engine                      = "postgres"
  engine_version              = "16.3"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  username                    = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  multi_az                    = true # <--
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
    Type: AWS::RDS::DBInstance
    Properties:
      MultiAZ: false # <--
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
`, { name: 'single-AZ by default' }),
    tf(`resource "aws_db_instance" "main" {
  identifier                  = "orders"
  engine                      = "postgres"
  engine_version              = "16.3"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  username                    = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  multi_az                    = false # <--
}
`),
  ],
  unknown: [
    { name: "parameter without default", template: `Parameters:
  Az: { Type: String }
Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      MultiAZ: !Ref Az # <--
` },
    tf(`variable "env" {
  type = string
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
  multi_az                    = var.env == "prod" # <--
}
`, { name: 'Multi-AZ in production only' }),
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
    tf(`resource "aws_db_instance" "main" {
  identifier                  = "orders"
  engine                      = "postgres"
  engine_version              = "16.3"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  username                    = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  multi_az                    = true
}

resource "aws_db_instance" "replica" {
  identifier          = "orders-replica"
  replicate_source_db = aws_db_instance.main.identifier
  instance_class      = "db.t4g.medium"
  skip_final_snapshot = true
}
`, { name: 'a read replica' }),
  ],
});
