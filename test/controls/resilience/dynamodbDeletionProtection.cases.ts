import control from '../../../src/controls/resilience/dynamodbDeletionProtection.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::DynamoDB::Table
    Properties:
      KeySchema: [{AttributeName: id, KeyType: HASH}]
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      BillingMode: PAY_PER_REQUEST
      DeletionProtectionEnabled: true # <--
`,
    `Resources:
  B:
    Type: AWS::DynamoDB::GlobalTable
    Properties:
      KeySchema: [{AttributeName: id, KeyType: HASH}]
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      BillingMode: PAY_PER_REQUEST
      Replicas:
        - Region: eu-west-1
          DeletionProtectionEnabled: true # <--
`,
    { name: "parameter default", template: `Parameters:
  Protect: { Type: String, Default: 'true' }
Resources:
  B:
    Type: AWS::DynamoDB::Table
    Properties:
      KeySchema: [{AttributeName: id, KeyType: HASH}]
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      BillingMode: PAY_PER_REQUEST
      DeletionProtectionEnabled: !Ref Protect # <--
` },
    tf(`resource "aws_dynamodb_table" "orders" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  deletion_protection_enabled = true # <--

  attribute {
    name = "id"
    type = "S"
  }
}
`),
  ],
  fail: [
    `Resources:
  B: # <--
    Type: AWS::DynamoDB::Table
    Properties:
      KeySchema: [{AttributeName: id, KeyType: HASH}]
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      BillingMode: PAY_PER_REQUEST
`,
    `Resources:
  B:
    Type: AWS::DynamoDB::GlobalTable
    Properties:
      KeySchema: [{AttributeName: id, KeyType: HASH}]
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      BillingMode: PAY_PER_REQUEST
      Replicas:
        - Region: eu-west-1
          DeletionProtectionEnabled: false # <--
`,
    tf(`resource "aws_dynamodb_table" "orders" { # <--
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}
`, { name: 'off by default' }),
    tf(`resource "aws_dynamodb_table" "orders" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  deletion_protection_enabled = false # <--

  attribute {
    name = "id"
    type = "S"
  }
}
`),
  ],
  unknown: [
    { name: "parameter without default", template: `Parameters:
  Protect: { Type: String }
Resources:
  B:
    Type: AWS::DynamoDB::Table
    Properties:
      KeySchema: [{AttributeName: id, KeyType: HASH}]
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      BillingMode: PAY_PER_REQUEST
      DeletionProtectionEnabled: !Ref Protect # <--
` },
    tf(`variable "protect_tables" {
  type = bool
}

resource "aws_dynamodb_table" "orders" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  deletion_protection_enabled = var.protect_tables # <--

  attribute {
    name = "id"
    type = "S"
  }
}
`),
  ],
});
