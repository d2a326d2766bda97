import control from '../../../src/controls/iam/trustNoWildcardPrincipal.js';
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
            Action: sts:AssumeRole`,
    `Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: # <--
          - Effect: Allow
            Principal: { AWS: '*' }
            Action: sts:AssumeRole
            Condition: { StringEquals: { aws:PrincipalOrgID: o-abc123 } }`,
    { name: 'own account via Join', template: `Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: # <--
          - Effect: Allow
            Principal: { AWS: !Join ['', ['arn:aws:iam::', !Ref 'AWS::AccountId', ':root']] }
            Action: sts:AssumeRole` },
    tf(`data "aws_iam_policy_document" "org" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-abc123"]
    }
  }
}

resource "aws_iam_role" "org_read" {
  name               = "org-read"
  assume_role_policy = data.aws_iam_policy_document.org.json # <--
}
`, { name: 'any principal of the organization' }),
    tf(`resource "aws_iam_role" "fn" {
  name = "fn"
  assume_role_policy = jsonencode({ # <--
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
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
            Principal: '*'
            Action: sts:AssumeRole`,
    `Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow # <--
            Principal: { AWS: ['*'] }
            Action: sts:AssumeRole
            Condition: { Bool: { aws:SecureTransport: true } }`,
    `Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow # <--
            NotPrincipal: { AWS: arn:aws:iam::123456789012:root }
            Action: sts:AssumeRole`,
    tf(`resource "aws_iam_role" "open" {
  name = "open"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ # <--
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "sts:AssumeRole"
    }]
  })
}
`, { name: 'AWS "*" without a condition' }),
    tf(`data "aws_iam_policy_document" "anyone" {
  statement { # <--
    actions = ["sts:AssumeRole"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }
  }
}

resource "aws_iam_role" "open" {
  name               = "open"
  assume_role_policy = data.aws_iam_policy_document.anyone.json
}
`, { name: 'principals type "*" with a condition that pins nothing' }),
    tf(`data "aws_iam_policy_document" "all_but_one" {
  statement { # <--
    actions = ["sts:AssumeRole"]

    not_principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:root"]
    }
  }
}

resource "aws_iam_role" "open" {
  name               = "open"
  assume_role_policy = data.aws_iam_policy_document.all_but_one.json
}
`, { name: 'not_principals' }),
  ],
  unknown: [
    { name: 'principal from parameter without default', template: `Parameters:
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
    tf(`variable "principal" {
  type = string
}

resource "aws_iam_role" "shared" {
  name = "shared"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = var.principal }, Action = "sts:AssumeRole" }] # <--
  })
}
`, { name: 'principal from a variable without a value' }),
  ],
});
