import control from '../../../src/controls/data-protection/s3DefaultEncryption.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration: # <--
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: AES256
`,
    `Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration: # <--
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: aws:kms
              KMSMasterKeyID: !Ref Key
  Key:
    Type: AWS::KMS::Key
`,
    { name: "parameter default", template: `Parameters:
  Alg: { Type: String, Default: AES256 }
Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: !Ref Alg
` },
    tf(`resource "aws_s3_bucket" "b" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "b" {
  bucket = aws_s3_bucket.b.id
  rule { # <--
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.k.arn
    }
  }
}

resource "aws_kms_key" "k" {}
`),
    tf(`resource "aws_s3_bucket" "legacy" {
  server_side_encryption_configuration {
    rule { # <--
      apply_server_side_encryption_by_default {
        sse_algorithm = "AES256"
      }
    }
  }
}
`),
  ],
  fail: [
    `Resources:
  B: # <--
    Type: AWS::S3::Bucket
`,
    `Resources:
  B: # <--
    Type: AWS::S3::Bucket
    Properties:
      BucketName: logs
`,
    `Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration: # <--
          - BucketKeyEnabled: true
`,
    tf(`resource "aws_s3_bucket" "b" { # <--
  bucket = "acme-data"
}
`),
  ],
  unknown: [
    { name: "algorithm from parameter without default", template: `Parameters:
  Alg: { Type: String }
Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: !Ref Alg
` },
    tf(`variable "algorithm" {
  type = string
}

resource "aws_s3_bucket" "b" {}

resource "aws_s3_bucket_server_side_encryption_configuration" "b" {
  bucket = aws_s3_bucket.b.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = var.algorithm
    }
  }
}
`, { name: 'algorithm from a variable without a value' }),
  ],
});
