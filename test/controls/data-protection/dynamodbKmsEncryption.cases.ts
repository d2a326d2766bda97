import control from '../../../src/controls/data-protection/dynamodbKmsEncryption.js';
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
      SSESpecification:
        SSEEnabled: true # <--
        SSEType: KMS
        KMSMasterKeyId: !Ref Key
  Key:
    Type: AWS::KMS::Key
`,
    `Resources:
  B:
    Type: AWS::Serverless::SimpleTable
    Properties:
      SSESpecification:
        SSEEnabled: true # <--
`,
    `Resources:
  B:
    Type: AWS::DynamoDB::GlobalTable
    Properties:
      KeySchema: [{AttributeName: id, KeyType: HASH}]
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      BillingMode: PAY_PER_REQUEST
      SSESpecification:
        SSEEnabled: true # <--
        SSEType: KMS
      Replicas:
        - Region: eu-west-1
`,
    tf(`resource "aws_kms_key" "orders" {
  enable_key_rotation = true
}

resource "aws_dynamodb_table" "orders" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  server_side_encryption {
    enabled     = true # <--
    kms_key_arn = aws_kms_key.orders.arn
  }
}
`, { name: 'server_side_encryption with a customer key' }),
    tf(`resource "aws_dynamodb_table" "orders" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  server_side_encryption {
    enabled = true # <--
  }
}
`, { name: 'server_side_encryption with the AWS managed key' }),
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
    Type: AWS::DynamoDB::Table
    Properties:
      KeySchema: [{AttributeName: id, KeyType: HASH}]
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      BillingMode: PAY_PER_REQUEST
      SSESpecification:
        SSEEnabled: false # <--
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
`, { name: 'no server_side_encryption: DynamoDB owned key' }),
    tf(`resource "aws_dynamodb_table" "orders" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  server_side_encryption {
    enabled = false # <--
  }
}
`, { name: 'server_side_encryption disabled' }),
  ],
  unknown: [
    { name: "parameter without default", template: `Parameters:
  Sse: { Type: String }
Resources:
  B:
    Type: AWS::DynamoDB::Table
    Properties:
      KeySchema: [{AttributeName: id, KeyType: HASH}]
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      BillingMode: PAY_PER_REQUEST
      SSESpecification:
        SSEEnabled: !Ref Sse # <--
` },
    tf(`variable "kms_encryption" {
  type = bool
}

resource "aws_dynamodb_table" "orders" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  server_side_encryption {
    enabled = var.kms_encryption # <--
  }
}
`, { name: 'enabled from a variable without a value' }),
  ],
});
