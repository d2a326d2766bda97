import control from '../../../src/controls/deployment/statefulUpdateReplacePolicy.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot # <--
    Properties:
      Engine: postgres`,
    tf(`resource "aws_s3_bucket" "data" {
  bucket = "data"
  lifecycle {
    prevent_destroy = true # <--
  }
}
`, { name: 'prevent_destroy: Terraform refuses a plan that replaces it' }),
    tf(`resource "aws_db_instance" "db" { # <--
  engine = "postgres"
}
`, { name: 'the final snapshot is taken on a replacement too' }),
  ],
  fail: [
    `Resources:
  Table: # <--
    Type: AWS::DynamoDB::Table
    DeletionPolicy: Retain
    Properties:
      BillingMode: PAY_PER_REQUEST`,
    tf(`resource "aws_dynamodb_table" "t" { # <--
  name     = "orders"
  hash_key = "id"
}
`),
  ],
  unknown: [
    tf(`variable "protect" {
  type = bool
}
resource "aws_dynamodb_table" "t" {
  name                        = "orders"
  hash_key                    = "id"
  deletion_protection_enabled = var.protect # <--
}
`, { name: 'deletion protection from a variable without a value' }),
  ],
});
