import control from '../../../src/controls/data-protection/s3PolicyNoPublicPrincipal.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::S3::Bucket
  P:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref B
      PolicyDocument: # <--
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: { AWS: !Sub 'arn:aws:iam::\${AWS::AccountId}:root' }
            Action: 's3:GetObject'
            Resource: !Sub '\${B.Arn}/*'
`,
    `Resources:
  B:
    Type: AWS::S3::Bucket
  P:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref B
      PolicyDocument: # <--
        Version: '2012-10-17'
        Statement:
          - Sid: DenyInsecure
            Effect: Deny
            Principal: '*'
            Action: 's3:*'
            Resource: [!GetAtt B.Arn, !Sub '\${B.Arn}/*']
            Condition:
              Bool:
                'aws:SecureTransport': false
`,
    { name: "any principal restricted to the organisation", template: `Resources:
  B:
    Type: AWS::S3::Bucket
  P:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref B
      PolicyDocument: # <--
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: '*'
            Action: 's3:GetObject'
            Resource: !Sub '\${B.Arn}/*'
            Condition:
              StringEquals:
                'aws:PrincipalOrgID': o-abc123
` },
    tf(`resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

data "aws_iam_policy_document" "tls_only" {
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.data.arn, "\${aws_s3_bucket.data.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = data.aws_iam_policy_document.tls_only.json # <--
}
`, { name: 'aws_iam_policy_document denying insecure transport to everyone' }),
    tf(`resource "aws_s3_bucket" "shared" {
  bucket = "acme-shared"
}

resource "aws_s3_bucket_policy" "shared" {
  bucket = aws_s3_bucket.shared.id
  policy = jsonencode({ # <--
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "\${aws_s3_bucket.shared.arn}/*"
      Condition = {
        StringEquals = { "aws:PrincipalOrgID" = "o-abc123" }
      }
    }]
  })
}
`, { name: 'jsonencode: any principal restricted to the organisation' }),
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::S3::Bucket
  P:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref B
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow # <--
            Principal: '*'
            Action: 's3:GetObject'
            Resource: !Sub '\${B.Arn}/*'
`,
    `Resources:
  B:
    Type: AWS::S3::Bucket
  P:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref B
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Sid: Everyone # <--
            Effect: Allow
            Principal: { AWS: ['*'] }
            Action: ['s3:PutObject']
            Resource: !Sub '\${B.Arn}/*'
`,
    tf(`resource "aws_s3_bucket" "site" {
  bucket = "acme-site"
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ # <--
      Sid       = "PublicRead"
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "\${aws_s3_bucket.site.arn}/*"
    }]
  })
}
`, { name: 'jsonencode: public read' }),
    tf(`resource "aws_s3_bucket" "site" {
  bucket = "acme-site"
}

data "aws_iam_policy_document" "public_read" {
  statement { # <--
    sid       = "PublicRead"
    actions   = ["s3:GetObject"]
    resources = ["\${aws_s3_bucket.site.arn}/*"]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = data.aws_iam_policy_document.public_read.json
}
`, { name: 'aws_iam_policy_document: AWS principal "*"' }),
    tf(`resource "aws_s3_bucket_policy" "uploads" {
  bucket = "acme-uploads"
  policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"AWS": "*"},
      "Action": "s3:PutObject",
      "Resource": "arn:aws:s3:::acme-uploads/*"
    }
  ]
}
POLICY
}
`, { name: 'heredoc policy (a heredoc opener takes no comment, so no mark: the finding is at the policy argument)' }),
  ],
  unknown: [
    { name: "policy document from a parameter", template: `Parameters:
  Doc: { Type: String }
Resources:
  P:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: my-bucket
      PolicyDocument: !Ref Doc # <--
` },
    tf(`variable "bucket_policy_json" {
  type = string
}

resource "aws_s3_bucket_policy" "data" {
  bucket = "acme-data"
  policy = var.bucket_policy_json # <--
}
`, { name: 'policy from a variable without a value' }),
    { name: 'a principal from a parameter, no condition', template: `Parameters:
  Reader: { Type: String }
Resources:
  P:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: my-bucket
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { AWS: !Ref Reader } # <--
            Action: s3:GetObject
            Resource: arn:aws:s3:::my-bucket/*
` },
    tf(`variable "reader" {
  type = string
}

resource "aws_s3_bucket_policy" "data" {
  bucket = "acme-data"
  policy = jsonencode({ # <--
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = var.reader }, Action = "s3:GetObject", Resource = "arn:aws:s3:::acme-data/*" }] # <--
  })
}
`, { name: 'jsonencode policy whose principal is a variable without a value' }),
    tf(`variable "reader" {
  type = string
}

data "aws_iam_policy_document" "read" {
  statement {
    principals { # <--
      type        = "AWS"
      identifiers = [var.reader]
    }
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::acme-data/*"]
  }
}

resource "aws_s3_bucket_policy" "data" {
  bucket = "acme-data"
  policy = data.aws_iam_policy_document.read.json
}
`, { name: 'policy document data source whose principal is a variable without a value' }),
  ],
});
