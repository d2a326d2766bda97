import control from '../../../src/controls/iam/noAllowNotResource.js';
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
    tf(`resource "aws_iam_user_policy" "logs" {
  name = "logs"
  user = "auditor"
  policy = jsonencode({ # <--
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::logs/*" }]
  })
}
`, { name: 'Resource named' }),
    tf(`resource "aws_iam_policy" "protect" {
  name = "protect"
  policy = jsonencode({ # <--
    Version   = "2012-10-17"
    Statement = [{ Effect = "Deny", Action = "s3:DeleteObject", NotResource = "arn:aws:s3:::scratch/*" }]
  })
}
`, { name: 'NotResource only in a Deny' }),
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
                Action: s3:DeleteObject
                NotResource: arn:aws:s3:::logs/*`,
    `Resources:
  X:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: p
      Groups: [g]
      PolicyDocument:
        Statement:
          - Effect: Allow # <--
            Action: ec2:TerminateInstances
            NotResource: arn:aws:ec2:*:*:instance/i-1`,
    tf(`data "aws_iam_policy_document" "cleanup" {
  statement { # <--
    actions       = ["s3:DeleteObject"]
    not_resources = ["arn:aws:s3:::logs/*"]
  }
}

resource "aws_iam_policy" "cleanup" {
  name   = "cleanup"
  policy = data.aws_iam_policy_document.cleanup.json
}
`, { name: 'not_resources in an aws_iam_policy_document' }),
    tf(`resource "aws_iam_group_policy" "ops" {
  name  = "terminate"
  group = "ops"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ # <--
      Effect      = "Allow"
      Action      = "ec2:TerminateInstances"
      NotResource = "arn:aws:ec2:*:*:instance/i-0123456789abcdef0"
    }]
  })
}
`, { name: 'NotResource in a group policy' }),
  ],
  unknown: [
    tf(`variable "effect" {
  type = string
}

resource "aws_iam_policy" "p" {
  name = "p"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = var.effect, Action = "s3:DeleteObject", NotResource = "arn:aws:s3:::logs/*" }] # <--
  })
}
`, { name: 'Effect from a variable without a value' }),
  ],
});
