import control from '../../../src/controls/iam/noServiceWideActions.js';
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
                Action: [s3:GetObject, s3:PutObject]
                Resource: arn:aws:s3:::b/*`,
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
                Action: s3:Get*
                Resource: '*'`,
    tf(`data "aws_iam_policy_document" "read" {
  statement {
    sid       = "ReadConfig"
    actions   = ["ssm:GetParameter", "ssm:GetParametersByPath"]
    resources = ["arn:aws:ssm:eu-west-1:111122223333:parameter/app/*"]
  }
}

resource "aws_iam_policy" "read" {
  name   = "read-config"
  policy = data.aws_iam_policy_document.read.json # <--
}
`, { name: 'specific actions from an aws_iam_policy_document' }),
    tf(`resource "aws_iam_user_policy" "describe" {
  name = "describe"
  user = "auditor"
  policy = jsonencode({ # <--
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "ec2:Describe*", Resource = "*" }]
  })
}
`, { name: 'a prefix wildcard is not the whole service' }),
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
                Action: s3:*
                Resource: arn:aws:s3:::b/*`,
    // JSON has no comments, so this case cannot mark its line (it is one line anyway).
    "{\"Resources\":{\"G\":{\"Type\":\"AWS::IAM::Group\",\"Properties\":{\"Policies\":[{\"PolicyName\":\"p\",\"PolicyDocument\":{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"dynamodb:*\"],\"Resource\":\"*\"}]}}]}}}}",
    tf(`resource "aws_iam_role" "worker" {
  name = "worker"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "queue" {
  name = "queue"
  role = aws_iam_role.worker.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ # <--
      Effect   = "Allow"
      Action   = ["sqs:*"]
      Resource = "arn:aws:sqs:eu-west-1:111122223333:jobs"
    }]
  })
}
`, { name: 'role policy allowing sqs:*' }),
    tf(`data "aws_iam_policy_document" "s3_policy" {
  statement { # <--
    actions   = ["s3:*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "s3" {
  name   = "s3"
  policy = data.aws_iam_policy_document.s3_policy.json
}
`, { name: 'aws_iam_policy_document allowing s3:*' }),
  ],
  unknown: [
    { name: 'Fn::If between a specific and a service-wide action', template: `Parameters:
  Env: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  X:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow # <--
            Action: !If [IsProd, s3:GetObject, s3:*]
            Resource: '*'` },
    tf(`variable "env" {
  type = string
}

resource "aws_iam_policy" "s3" {
  name = "s3"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ # <--
      Effect   = "Allow"
      Action   = var.env == "prod" ? "s3:GetObject" : "s3:*"
      Resource = "*"
    }]
  })
}
`, { name: 'action chosen by a variable without a value' }),
  ],
});
