import control from '../../../src/controls/iam/noWriteOnAllResources.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement: # <--
              - Effect: Allow
                Action: [dynamodb:PutItem, dynamodb:GetItem]
                Resource: !GetAtt T.Arn
  T:
    Type: AWS::DynamoDB::Table
    Properties: {}`,
    `Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement: # <--
              - Effect: Allow
                Action: [ec2:DescribeInstances, xray:PutTraceSegments, cloudwatch:PutMetricData]
                Resource: '*'`,
    tf(`resource "aws_dynamodb_table" "orders" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_iam_policy" "orders" {
  name = "orders-rw"
  policy = jsonencode({ # <--
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["dynamodb:PutItem", "dynamodb:GetItem"]
        Resource = aws_dynamodb_table.orders.arn
      },
      {
        Effect   = "Allow"
        Action   = ["xray:PutTraceSegments", "cloudwatch:PutMetricData"]
        Resource = "*"
      },
    ]
  })
}
`, { name: 'writes scoped to a table of the configuration; star-only actions on "*"' }),
  ],
  fail: [
    `Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
              - Effect: Allow # <--
                Action: [s3:PutObject, s3:GetObject]
                Resource: '*'`,
    `Resources:
  X:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: p
      Roles: [r]
      PolicyDocument:
        Statement:
          - Effect: Allow # <--
            Action: iam:AttachRolePolicy
            Resource: '*'`,
    tf(`data "aws_iam_policy_document" "uploads" {
  statement { # <--
    sid       = "Upload"
    actions   = ["s3:PutObject", "s3:GetObject"]
    resources = ["*"]
  }
}

resource "aws_iam_role" "uploader" {
  name               = "uploader"
  assume_role_policy = "{}"

  inline_policy {
    name   = "uploads"
    policy = data.aws_iam_policy_document.uploads.json
  }
}
`, { name: 'inline_policy from an aws_iam_policy_document' }),
    tf(`resource "aws_iam_group_policy" "admins" {
  name  = "attach"
  group = "admins"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "iam:AttachRolePolicy", Resource = "*" }] # <--
  })
}
`, { name: 'permission management on every role' }),
  ],
  unknown: [
    { name: 'resource from parameter without default', template: `Parameters:
  P: { Type: String }
Resources:
  X:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow # <--
            Action: sqs:DeleteQueue
            Resource: !Ref P` },
    tf(`variable "queue_arn" {
  type = string
}

resource "aws_iam_policy" "queue" {
  name = "queue"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sqs:DeleteQueue", Resource = var.queue_arn }] # <--
  })
}
`, { name: 'resource from a variable without a value' }),
  ],
});
