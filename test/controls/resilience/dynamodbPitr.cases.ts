import control from '../../../src/controls/resilience/dynamodbPitr.js';
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
      PointInTimeRecoverySpecification:
        PointInTimeRecoveryEnabled: true # <--
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
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } # <--
        - Region: us-east-1
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } # <--
`,
    tf(`resource "aws_dynamodb_table" "orders" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  point_in_time_recovery {
    enabled = true # <--
  }

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
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }
        - Region: us-east-1 # <--
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

  point_in_time_recovery {
    enabled = false # <--
  }

  attribute {
    name = "id"
    type = "S"
  }
}
`),
  ],
  unknown: [
    { name: "Fn::If on an undecidable condition", template: `Parameters:
  Env: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  B:
    Type: AWS::DynamoDB::Table
    Properties:
      KeySchema: [{AttributeName: id, KeyType: HASH}]
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      BillingMode: PAY_PER_REQUEST
      PointInTimeRecoverySpecification:
        PointInTimeRecoveryEnabled: !If [IsProd, true, false] # <--
` },
    tf(`variable "env" {
  type = string
}

resource "aws_dynamodb_table" "orders" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  point_in_time_recovery {
    enabled = var.env == "prod" # <--
  }

  attribute {
    name = "id"
    type = "S"
  }
}
`, { name: 'condition on a variable without a value' }),
  ],
});
