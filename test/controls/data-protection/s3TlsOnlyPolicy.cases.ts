import control from '../../../src/controls/data-protection/s3TlsOnlyPolicy.js';
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
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Sid: DenyInsecure # <--
            Effect: Deny
            Principal: '*'
            Action: 's3:*'
            Resource: [!GetAtt B.Arn, !Sub '\${B.Arn}/*']
            Condition:
              Bool:
                'aws:SecureTransport': false
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
          - Effect: Allow
            Principal: { AWS: !Sub 'arn:aws:iam::\${AWS::AccountId}:root' }
            Action: 's3:GetObject'
            Resource: !Sub '\${B.Arn}/*'
          - Sid: DenyInsecure # <--
            Effect: Deny
            Principal: { AWS: '*' }
            Action: 's3:*'
            Resource: [!GetAtt B.Arn, !Sub '\${B.Arn}/*']
            Condition:
              BoolIfExists:
                'aws:SecureTransport': 'false'
`,
    { name: "policy names the bucket by its literal name", template: `Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: my-data
  P:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: my-data
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Sid: DenyInsecure # <--
            Effect: Deny
            Principal: '*'
            Action: 's3:*'
            Resource: 'arn:aws:s3:::my-data/*'
            Condition:
              Bool:
                'aws:SecureTransport': false
` },
      tf(`resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

data "aws_iam_policy_document" "tls_only" {
  statement { # <--
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
  policy = data.aws_iam_policy_document.tls_only.json
}
`, { name: 'aws_iam_policy_document denying insecure transport' }),
    tf(`resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_policy" "data" {
  bucket = "acme-data"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ # <--
      Sid       = "AllowSSLRequestsOnly"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::acme-data", "arn:aws:s3:::acme-data/*"]
      Condition = {
        Bool = { "aws:SecureTransport" = "false" }
      }
    }]
  })
}
`, { name: 'jsonencode policy naming the bucket by its name' }),
  ],
  fail: [
    `Resources:
  B: # <--
    Type: AWS::S3::Bucket
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
          - Effect: Allow
            Principal: { AWS: !Sub 'arn:aws:iam::\${AWS::AccountId}:root' }
            Action: 's3:GetObject'
            Resource: !Sub '\${B.Arn}/*'
`,
    { name: "Deny only for aws:SecureTransport true (wrong way round)", template: `Resources:
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
                'aws:SecureTransport': true
` },
    { name: "policy of another bucket", template: `Resources:
  B: # <--
    Type: AWS::S3::Bucket
  Other:
    Type: AWS::S3::Bucket
  P:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Other
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Sid: DenyInsecure
            Effect: Deny
            Principal: '*'
            Action: 's3:*'
            Resource: [!GetAtt Other.Arn, !Sub '\${Other.Arn}/*']
            Condition:
              Bool:
                'aws:SecureTransport': false
` },
      tf(`resource "aws_s3_bucket" "data" { # <--
  bucket = "acme-data"
}
`, { name: 'no bucket policy' }),
    tf(`resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = jsonencode({ # <--
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["\${aws_s3_bucket.data.arn}/*"]
      Condition = {
        Bool = { "aws:SecureTransport" = "true" }
      }
    }]
  })
}
`, { name: 'jsonencode Deny the wrong way round (aws:SecureTransport true)' }),
  ],
  unknown: [
    { name: "statement chosen by an undecidable condition", template: `Parameters:
  Env: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  B:
    Type: AWS::S3::Bucket
  P:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref B
      PolicyDocument:
        Statement: !If [IsProd, [], []] # <--
` },
    tf(`variable "extra_policy_json" {
  type = string
}

resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = var.extra_policy_json # <--
}
`, { name: 'policy from a variable without a value' }),
    { name: 'the Deny on aws:SecureTransport takes its value from a parameter', template: `Parameters:
  Secure: { Type: String }
Resources:
  B:
    Type: AWS::S3::Bucket
  P:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref B
      PolicyDocument:
        Statement:
          - Effect: Deny
            Principal: "*"
            Action: s3:*
            Resource: !Sub \${B.Arn}/*
            Condition:
              Bool:
                aws:SecureTransport: !Ref Secure # <--
` },
    tf(`variable "deny_principal" {
  type = string
}

resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = jsonencode({ # <--
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = var.deny_principal # <--
      Action    = "s3:*"
      Resource  = ["\${aws_s3_bucket.data.arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
`, { name: 'the TLS Deny names a principal from a variable without a value' }),
  ],
});
