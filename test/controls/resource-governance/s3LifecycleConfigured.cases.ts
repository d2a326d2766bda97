import control from '../../../src/controls/resource-governance/s3LifecycleConfigured.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      LifecycleConfiguration:
        Rules:
          - Id: expire
            Status: Enabled # <--
            ExpirationInDays: 365
`,
    tf(`resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_lifecycle_configuration" "data" {
  bucket = aws_s3_bucket.data.id

  rule {
    id     = "expire"
    status = "Enabled" # <--
    expiration {
      days = 365
    }
  }
}
`, { name: 'lifecycle configuration resource' }),
    tf(`resource "aws_s3_bucket" "data" {
  bucket = "acme-data"

  lifecycle_rule {
    id      = "expire"
    enabled = true # <--
    expiration {
      days = 365
    }
  }
}
`, { name: 'provider v3 inline lifecycle_rule' }),
  ],
  fail: [
    `Resources:
  B: # <--
    Type: AWS::S3::Bucket
`,
    `Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      LifecycleConfiguration:
        Rules: # <--
          - Id: expire
            Status: Disabled
            ExpirationInDays: 365
`,
    tf(`resource "aws_s3_bucket" "data" { # <--
  bucket = "acme-data"
}
`, { name: 'no lifecycle configuration' }),
    tf(`resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_lifecycle_configuration" "data" {
  bucket = aws_s3_bucket.data.id

  rule { # <--
    id     = "expire"
    status = "Disabled"
    expiration {
      days = 365
    }
  }
}
`, { name: 'only a disabled rule' }),
  ],
  unknown: [
    { name: 'status from a parameter', template: `Parameters:
  Status: { Type: String }
Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      LifecycleConfiguration:
        Rules:
          - Id: expire
            Status: !Ref Status # <--
            ExpirationInDays: 365
` },
    tf(`variable "status" {
  type = string
}

resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_lifecycle_configuration" "data" {
  bucket = aws_s3_bucket.data.id

  rule {
    id     = "expire"
    status = var.status # <--
    expiration {
      days = 365
    }
  }
}
`, { name: 'status from a variable' }),
  ],
});
