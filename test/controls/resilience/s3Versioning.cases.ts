import control from '../../../src/controls/resilience/s3Versioning.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: Enabled # <--
`,
    { name: "status from a parameter default", template: `Parameters:
  V: { Type: String, Default: Enabled, AllowedValues: [Enabled, Suspended] }
Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: !Ref V # <--
` },
    tf(`resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id

  versioning_configuration {
    status = "Enabled" # <--
  }
}
`),
    tf(`resource "aws_s3_bucket" "legacy" {
  bucket = "acme-legacy"

  versioning {
    enabled = true # <--
  }
}
`, { name: 'provider v3 inline versioning' }),
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
      VersioningConfiguration:
        Status: Suspended # <--
`,
    { name: "parameter overridden to Suspended", params: {"V": "Suspended"}, template: `Parameters:
  V: { Type: String, Default: Enabled }
Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: !Ref V # <--
` },
    tf(`resource "aws_s3_bucket" "data" { # <--
  bucket = "acme-data"
}
`, { name: 'no versioning' }),
    tf(`resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id

  versioning_configuration {
    status = "Suspended" # <--
  }
}
`, { name: 'suspended' }),
    tf(`resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id

  versioning_configuration {
    status = "Disabled" # <--
  }
}
`, { name: 'Disabled (never enabled)' }),
  ],
  unknown: [
    { name: "AllowedValues without default", template: `Parameters:
  V: { Type: String, AllowedValues: [Enabled, Suspended] }
Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: !Ref V # <--
` },
    tf(`variable "versioning_status" {
  type = string
}

resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id

  versioning_configuration {
    status = var.versioning_status # <--
  }
}
`),
  ],
});
