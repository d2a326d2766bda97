import control from '../../../src/controls/iam/trustCrossAccountConditioned.js';
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
            Principal: { AWS: arn:aws:iam::123456789012:root }
            Action: sts:AssumeRole
            Condition: { StringEquals: { sts:ExternalId: abc } }`,
    `Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: # <--
          - Effect: Allow
            Principal: { AWS: !Sub 'arn:aws:iam::\${AWS::AccountId}:root' }
            Action: sts:AssumeRole`,
    `Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: # <--
          - Effect: Allow
            Principal: { Service: ecs-tasks.amazonaws.com }
            Action: sts:AssumeRole`,
    tf(`data "aws_iam_policy_document" "partner" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:root"]
    }

    condition {
      test     = "StringEquals"
      variable = "sts:ExternalId"
      values   = ["7d1f0c2a"]
    }
  }
}

resource "aws_iam_role" "partner" {
  name               = "partner-read"
  assume_role_policy = data.aws_iam_policy_document.partner.json # <--
}
`, { name: 'partner account with an external ID' }),
    tf(`resource "aws_iam_role" "task" {
  name = "task"
  assume_role_policy = jsonencode({ # <--
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}
`, { name: 'service principal' }),
  ],
  fail: [
    `Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow # <--
            Principal: { AWS: arn:aws:iam::123456789012:root }
            Action: sts:AssumeRole`,
    `Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow # <--
            Principal: { AWS: ['210987654321'] }
            Action: sts:AssumeRole`,
    { name: 'account from parameter default', template: `Parameters:
  P:
    Type: String
    Default: '111122223333'
Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow # <--
            Principal: { AWS: !Sub 'arn:aws:iam::\${P}:role/deployer' }
            Action: sts:AssumeRole` },
    tf(`resource "aws_iam_role" "partner" {
  name = "partner-read"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ # <--
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::123456789012:root" }
      Action    = "sts:AssumeRole"
    }]
  })
}
`, { name: 'another account without a condition' }),
    tf(`variable "deployer_account" {
  type    = string
  default = "111122223333"
}

data "aws_iam_policy_document" "deployer" {
  statement { # <--
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::\${var.deployer_account}:role/deployer"]
    }
  }
}

resource "aws_iam_role" "deploy" {
  name               = "deploy"
  assume_role_policy = data.aws_iam_policy_document.deployer.json
}
`, { name: 'account from a variable default' }),
  ],
  unknown: [
    { name: 'account from parameter without default', template: `Parameters:
  P: { Type: String }
Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow # <--
            Principal: { AWS: !Ref P }
            Action: sts:AssumeRole` },
    tf(`variable "trusted_principal" {
  type = string
}

resource "aws_iam_role" "shared" {
  name = "shared"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ # <--
      Effect    = "Allow"
      Principal = { AWS = var.trusted_principal }
      Action    = "sts:AssumeRole"
    }]
  })
}
`, { name: 'principal from a variable without a value' }),
  ],
});
