import control from '../../../src/controls/deployment/statefulDeletionPolicy.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Table:
    Type: AWS::DynamoDB::Table
    DeletionPolicy: Retain # <--
    UpdateReplacePolicy: Retain
    Properties:
      BillingMode: PAY_PER_REQUEST`,
    { name: 'RDS cluster default is Snapshot', template: `Resources:
  Db: # <--
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql` },
    tf(`resource "aws_db_instance" "db" {
  engine              = "postgres"
  skip_final_snapshot = true
  deletion_protection = true # <--
}
`, { name: 'deletion protection: AWS refuses the delete, whatever removes the block' }),
    tf(`resource "aws_rds_cluster" "db" { # <--
  engine = "aurora-postgresql"
}
`, { name: 'skip_final_snapshot left out: the provider takes a final snapshot' }),
    tf(`resource "aws_dynamodb_table" "t" {
  name                        = "orders"
  hash_key                    = "id"
  deletion_protection_enabled = true # <--
}
`),
    tf(`resource "aws_cloudwatch_log_group" "audit" {
  name         = "audit"
  skip_destroy = true # <--
}
`),
  ],
  fail: [
    `Resources:
  Bucket: # <--
    Type: AWS::S3::Bucket`,
    { name: 'Snapshot not supported for S3', template: `Resources:
  Bucket:
    Type: AWS::S3::Bucket
    DeletionPolicy: Snapshot # <--` },
    `{"Resources": {"Key": {"Type": "AWS::KMS::Key", "DeletionPolicy": "Delete", "Properties": {}}}}`,
    tf(`resource "aws_s3_bucket" "data" { # <--
  bucket = "data"
}
`, { name: 'nothing keeps a Terraform bucket' }),
    tf(`resource "aws_s3_bucket" "data" {
  bucket = "data"
  lifecycle {
    prevent_destroy = true # <--
  }
}
`, { name: 'prevent_destroy goes with the block: removing the block destroys the bucket' }),
    tf(`resource "aws_rds_cluster" "db" { # <--
  engine              = "aurora-mysql"
  skip_final_snapshot = true
}
`, { name: 'a database told to skip its final snapshot' }),
  ],
  unknown: [
    { name: 'policy from a condition', template: `Parameters:
  Env: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Fs:
    Type: AWS::EFS::FileSystem
    DeletionPolicy: !If [IsProd, Retain, Delete] # <--` },
    tf(`variable "protect" {
  type = bool
}
resource "aws_db_instance" "db" {
  engine              = "mysql"
  skip_final_snapshot = true
  deletion_protection = var.protect # <--
}
`, { name: 'deletion protection from a variable without a value' }),
  ],
  not_applicable: [
    `Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    DeletionPolicy: Snapshot
    Properties: { Engine: aurora-mysql }
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      DBClusterIdentifier: !Ref Cluster`,
    tf(`resource "aws_rds_cluster" "c" {
  engine              = "aurora-mysql"
  deletion_protection = true
}
resource "aws_rds_cluster_instance" "i" {
  cluster_identifier = aws_rds_cluster.c.id
  instance_class     = "db.r6g.large"
  engine             = "aurora-mysql"
}
`, { name: 'an Aurora member: its data lives in the cluster' }),
  ],
});
