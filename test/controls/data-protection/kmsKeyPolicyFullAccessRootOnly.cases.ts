import control from '../../../src/controls/data-protection/kmsKeyPolicyFullAccessRootOnly.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy:\n        Statement: # <--\n          - Effect: Allow\n            Principal: { AWS: !Sub 'arn:aws:iam::${AWS::AccountId}:root' }\n            Action: kms:*\n            Resource: '*'\n          - Effect: Allow\n            Principal: { AWS: arn:aws:iam::123456789012:role/app }\n            Action: [kms:Decrypt, kms:GenerateDataKey*]\n            Resource: '*'\n",
    "Resources:\n  X: # <--\n    Type: AWS::KMS::Key\n    Properties:\n      Description: default policy\n",
    tf(`resource "aws_kms_key" "data" { # <--
  description         = "data at rest"
  enable_key_rotation = true
}
`, { name: 'no policy: the default key policy' }),
    tf(`resource "aws_kms_key" "data" {
  description = "data at rest"
  policy = jsonencode({ # <--
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "EnableRootAccess"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::123456789012:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "AppUse"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::123456789012:role/app" }
        Action    = ["kms:Decrypt", "kms:GenerateDataKey*"]
        Resource  = "*"
      }
    ]
  })
}
`, { name: 'jsonencode policy: kms:* to the root, usage to a role' }),
  ],
  fail: [
    "Resources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy:\n        Statement:\n          - Effect: Allow # <--\n            Principal: { AWS: arn:aws:iam::123456789012:role/app }\n            Action: kms:*\n            Resource: '*'\n",
    "Resources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy:\n        Statement:\n          - Effect: Allow # <--\n            Principal: { Service: logs.amazonaws.com }\n            Action: '*'\n            Resource: '*'\n",
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
  statement { # <--
    sid       = "KeyAdministrators"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:role/platform-admin"]
    }
  }
}

resource "aws_kms_key" "data" {
  description = "data at rest"
}

resource "aws_kms_key_policy" "data" {
  key_id = aws_kms_key.data.id
  policy = data.aws_iam_policy_document.key.json
}
`, { name: 'aws_kms_key_policy granting kms:* to an administrator role' }),
    tf(`resource "aws_kms_key" "logs" {
  description = "CloudWatch Logs"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ # <--
      Effect    = "Allow"
      Principal = { Service = "logs.us-east-1.amazonaws.com" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}
`, { name: 'jsonencode policy granting kms:* to a service' }),
  ],
  unknown: [
    { name: "principal from parameter without default", template: "Parameters:\n  P: { Type: String }\nResources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy:\n        Statement:\n          - Effect: Allow # <--\n            Principal: { AWS: !Ref P }\n            Action: kms:*\n            Resource: '*'\n" },
    tf(`variable "key_policy_json" {
  type = string
}

resource "aws_kms_key" "data" {
  policy = var.key_policy_json # <--
}
`, { name: 'policy from a variable without a value' }),
  ],
});
