import control from '../../../src/controls/iam/noAllowNotAction.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: # <--
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
              - Effect: Deny
                NotAction: s3:*
                Resource: '*'
              - Effect: Allow
                Action: s3:GetObject
                Resource: '*'`,
    tf(`resource "aws_iam_policy" "guard" {
  name = "guard"
  policy = jsonencode({ # <--
    Version = "2012-10-17"
    Statement = [
      { Effect = "Deny", NotAction = ["s3:*"], Resource = "*" },
      { Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::orders/*" },
    ]
  })
}
`, { name: 'NotAction only in a Deny' }),
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
                NotAction: iam:*
                Resource: '*'`,
    `Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow # <--
            Principal: { Service: ec2.amazonaws.com }
            NotAction: sts:TagSession`,
    tf(`data "aws_iam_policy_document" "all_but_iam" {
  statement { # <--
    not_actions = ["iam:*", "organizations:*"]
    resources   = ["*"]
  }
}

resource "aws_iam_role" "power" {
  name               = "power"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy" "power" {
  name   = "power"
  role   = aws_iam_role.power.id
  policy = data.aws_iam_policy_document.all_but_iam.json
}
`, { name: 'not_actions in an aws_iam_policy_document' }),
    tf(`resource "aws_iam_role" "ec2" {
  name = "ec2"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ # <--
      Effect    = "Allow"
      Principal = { Service = "ec2.amazonaws.com" }
      NotAction = "sts:TagSession"
    }]
  })
}
`, { name: 'NotAction in a trust policy' }),
  ],
  unknown: [
    { name: 'Effect from a parameter', template: `Parameters:
  P: { Type: String }
Resources:
  X:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: !Ref P # <--
            NotAction: iam:*
            Resource: '*'` },
    tf(`variable "effect" {
  type = string
}

resource "aws_iam_policy" "p" {
  name = "p"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = var.effect, NotAction = "iam:*", Resource = "*" }] # <--
  })
}
`, { name: 'Effect from a variable without a value' }),
  ],
});
