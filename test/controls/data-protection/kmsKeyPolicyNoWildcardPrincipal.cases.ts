import control from '../../../src/controls/data-protection/kmsKeyPolicyNoWildcardPrincipal.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy:\n        Statement: # <--\n          - Effect: Allow\n            Principal: { AWS: !Sub 'arn:aws:iam::${AWS::AccountId}:root' }\n            Action: kms:*\n            Resource: '*'\n",
    "Resources:\n  X: # <--\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n",
    "Resources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy:\n        Statement: # <--\n          - Effect: Allow\n            Principal: { AWS: '*' }\n            Action: [kms:Decrypt]\n            Resource: '*'\n            Condition: { StringEquals: { kms:CallerAccount: '123456789012', kms:ViaService: s3.us-east-1.amazonaws.com } }\n",
    tf(`resource "aws_kms_key" "data" { # <--
  description = "data at rest"
}
`, { name: 'no policy: the default key policy' }),
    tf(`data "aws_iam_policy_document" "key" {
  statement {
    sid       = "EnableRootAccess"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:root"]
    }
  }
  statement {
    sid       = "UseThroughS3"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "kms:CallerAccount"
      values   = ["123456789012"]
    }
  }
}

resource "aws_kms_key" "data" {
  description = "data at rest"
  policy      = data.aws_iam_policy_document.key.json # <--
}
`, { name: 'aws_iam_policy_document: "*" pinned by kms:CallerAccount' }),
  ],
  fail: [
    "Resources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy:\n        Statement:\n          - Effect: Allow # <--\n            Principal: '*'\n            Action: kms:*\n            Resource: '*'\n",
    "Resources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy:\n        Statement:\n          - Effect: Allow # <--\n            Principal: { AWS: ['*'] }\n            Action: kms:Decrypt\n            Resource: '*'\n",
    tf(`resource "aws_kms_key" "shared" {
  description = "shared key"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ # <--
      Sid       = "Everyone"
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = ["kms:Decrypt", "kms:DescribeKey"]
      Resource  = "*"
    }]
  })
}
`, { name: 'jsonencode policy with AWS principal "*"' }),
    tf(`data "aws_iam_policy_document" "key" {
  statement { # <--
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_kms_key" "data" {}

resource "aws_kms_key_policy" "data" {
  key_id = aws_kms_key.data.key_id
  policy = data.aws_iam_policy_document.key.json
}
`, { name: 'aws_kms_key_policy with principal "*"' }),
  ],
  unknown: [
    { name: "principal from parameter without default", template: "Parameters:\n  P: { Type: String }\nResources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy:\n        Statement:\n          - Effect: Allow # <--\n            Principal: { AWS: !Ref P }\n            Action: kms:Decrypt\n            Resource: '*'\n" },
    tf(`variable "consumer_arn" {
  type = string
}

data "aws_iam_policy_document" "key" {
  statement { # <--
    actions   = ["kms:Decrypt"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = [var.consumer_arn]
    }
  }
}

resource "aws_kms_key" "data" {
  policy = data.aws_iam_policy_document.key.json
}
`, { name: 'principal from a variable without a value' }),
  ],
});
