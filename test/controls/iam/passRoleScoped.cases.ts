import control from '../../../src/controls/iam/passRoleScoped.js';
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
                Action: iam:PassRole
                Resource: !GetAtt Other.Arn
                Condition: { StringEquals: { iam:PassedToService: lambda.amazonaws.com } }
  Other:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [] }`,
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
                Resource: '*'`,
    tf(`resource "aws_iam_role" "task" {
  name               = "orders-task"
  assume_role_policy = "{}"
}

data "aws_iam_policy_document" "deployer" {
  statement {
    actions   = ["iam:PassRole"]
    resources = [aws_iam_role.task.arn]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_policy" "deployer" {
  name   = "deployer"
  policy = data.aws_iam_policy_document.deployer.json # <--
}
`, { name: 'PassRole on a role of the configuration, for one service' }),
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
                Action: iam:PassRole
                Resource: '*'`,
    `Resources:
  X:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow # <--
            Action: iam:*
            Resource: arn:aws:iam::123456789012:role/*`,
    tf(`resource "aws_iam_policy" "deployer" {
  name = "deployer"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ # <--
      Effect   = "Allow"
      Action   = ["iam:PassRole", "ecs:RegisterTaskDefinition"]
      Resource = "*"
    }]
  })
}
`, { name: 'PassRole on "*"' }),
    tf(`resource "aws_iam_role_policy" "ci" {
  name = "ci"
  role = "ci"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "iam:*", Resource = "arn:aws:iam::111122223333:role/*" }] # <--
  })
}
`, { name: 'iam:* on every role of the account' }),
  ],
  unknown: [
    { name: 'roles from a parameter without default', template: `Parameters:
  P: { Type: String }
Resources:
  X:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow # <--
            Action: iam:PassRole
            Resource: !Ref P` },
    tf(`variable "passable_roles" {
  type = list(string)
}

data "aws_iam_policy_document" "deployer" {
  statement { # <--
    actions   = ["iam:PassRole"]
    resources = var.passable_roles
  }
}

resource "aws_iam_policy" "deployer" {
  name   = "deployer"
  policy = data.aws_iam_policy_document.deployer.json
}
`, { name: 'roles from a variable without a value' }),
  ],
});
