import control from '../../../src/controls/iam/noAdminStatements.js';
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
                Action: s3:GetObject
                Resource: arn:aws:s3:::b/*`,
    `Resources:
  X:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement: # <--
          - Effect: Deny
            Action: '*'
            Resource: '*'`,
    { name: 'SAM function inline policy', template: `Resources:
  X:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.h
      Runtime: python3.12
      CodeUri: .
      Policies:
        - AWSLambdaBasicExecutionRole
        - Statement: # <--
            - Effect: Allow
              Action: [sqs:SendMessage]
              Resource: '*'` },
    tf(`resource "aws_iam_role" "app" {
  name = "app"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })

  inline_policy {
    name = "read-orders"
    policy = jsonencode({ # <--
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Allow"
        Action   = ["s3:GetObject"]
        Resource = "arn:aws:s3:::orders/*"
      }]
    })
  }
}
`, { name: 'inline_policy of a role' }),
    tf(`resource "aws_iam_policy" "deny_all" {
  name = "deny-all"
  policy = jsonencode({ # <--
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Deny"
      Action   = "*"
      Resource = "*"
    }]
  })
}
`, { name: 'Deny of everything' }),
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
                Action: '*'
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
            Action: ['*']
            Resource: ['*']`,
    { name: 'SAM single inline document', template: `Resources:
  X:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.h
      Runtime: python3.12
      CodeUri: .
      Policies:
        Statement:
          - Effect: Allow # <--
            Action: '*'
            Resource: '*'` },
    { name: 'action from parameter default', template: `Parameters:
  P:
    Type: String
    Default: '*'
Resources:
  X:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow # <--
            Action: !Ref P
            Resource: '*'` },
    tf(`resource "aws_iam_policy" "admin" {
  name = "admin"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadOrders"
        Effect   = "Allow"
        Action   = ["s3:GetObject"]
        Resource = "arn:aws:s3:::orders/*"
      },
      { # <--
        Sid      = "Everything"
        Effect   = "Allow"
        Action   = "*"
        Resource = "*"
      },
    ]
  })
}
`, { name: 'managed policy (jsonencode)' }),
    tf(`data "aws_iam_policy_document" "admin" {
  statement { # <--
    actions   = ["*"]
    resources = ["*"]
  }
}

resource "aws_iam_role" "ops" {
  name               = "ops"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy" "admin" {
  name   = "admin"
  role   = aws_iam_role.ops.id
  policy = data.aws_iam_policy_document.admin.json
}
`, { name: 'role policy from an aws_iam_policy_document' }),
  ],
  unknown: [
    { name: 'action from parameter without default', template: `Parameters:
  P: { Type: String }
Resources:
  X:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow # <--
            Action: !Ref P
            Resource: '*'` },
    tf(`variable "actions" {
  type = list(string)
}

resource "aws_iam_group_policy" "ops" {
  name  = "ops"
  group = "ops"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = var.actions, Resource = "*" }] # <--
  })
}
`, { name: 'actions from a variable without a value' }),
  ],
  not_applicable: [
    `Resources:
  X:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: ec2.amazonaws.com }
            Action: sts:AssumeRole
      ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]`,
    tf(`resource "aws_iam_role" "reader" {
  name               = "reader"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy_attachment" "reader" {
  role       = aws_iam_role.reader.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
`, { name: 'only a managed policy attached' }),
    tf(`resource "aws_iam_role" "reader" {
  name               = "reader"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy_attachment" "reader" {
  role       = aws_iam_role.reader.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
`, { name: 'only a managed policy attached' }),
  ],
});
