import control from '../../../src/controls/audit/s3AccessLogging.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      LoggingConfiguration: # <--
        DestinationBucketName: !Sub 'central-logs-\${AWS::AccountId}'
        LogFilePrefix: data/
`,
    { name: 'the log destination bucket itself is exempt', template: `Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      LoggingConfiguration: # <--
        DestinationBucketName: !Ref AccessLogs
        LogFilePrefix: data/
  AccessLogs:
    Type: AWS::S3::Bucket
    Properties:
      OwnershipControls: { Rules: [{ ObjectOwnership: BucketOwnerEnforced }] }
` },
    tf(`resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket" "access_logs" {
  bucket = "acme-access-logs"
}

resource "aws_s3_bucket_logging" "data" {
  bucket        = aws_s3_bucket.data.id
  target_bucket = aws_s3_bucket.access_logs.id # <--
  target_prefix = "data/"
}
`, { name: 'aws_s3_bucket_logging into a log bucket, which is exempt' }),
    tf(`resource "aws_s3_bucket" "data" {
  bucket = "acme-data"

  logging {
    target_bucket = "acme-central-access-logs" # <--
    target_prefix = "data/"
  }
}
`, { name: 'legacy inline logging block' }),
  ],
  not_applicable: [
    { name: 'legacy LogDeliveryWrite log bucket', template: `Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: LogDeliveryWrite
` },
    tf(`resource "aws_s3_bucket" "logs" {
  bucket = "acme-access-logs"
}

resource "aws_s3_bucket_acl" "logs" {
  bucket = aws_s3_bucket.logs.id
  acl    = "log-delivery-write"
}
`, { name: 'log bucket with the log-delivery-write canned ACL' }),
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
      VersioningConfiguration: { Status: Enabled }
`,
    tf(`resource "aws_s3_bucket" "data" { # <--
  bucket = "acme-data"
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "Enabled"
  }
}
`, { name: 'bucket without logging' }),
    tf(`variable "log_bucket" {
  type    = string
  default = null
}

resource "aws_s3_bucket" "data" { # <--
  bucket = "acme-data"

  dynamic "logging" {
    for_each = var.log_bucket == null ? [] : [var.log_bucket]
    content {
      target_bucket = logging.value
    }
  }
}
`, { name: 'dynamic logging block over a variable left at null' }),
  ],
  unknown: [
    { name: "logging only under an undecidable condition", template: `Parameters:
  Env: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      LoggingConfiguration: !If [IsProd, {DestinationBucketName: logs}, !Ref AWS::NoValue] # <--
` },
    tf(`variable "enable_access_logs" {
  type = bool
}

resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_logging" "data" {
  count         = var.enable_access_logs ? 1 : 0
  bucket        = aws_s3_bucket.data.id
  target_bucket = "acme-central-access-logs"
  target_prefix = "data/"
}
`, { name: 'aws_s3_bucket_logging whose count is a variable without a value' }),
    tf(`variable "log_bucket" {
  type = string
}

resource "aws_s3_bucket" "data" {
  bucket = "acme-data"

  dynamic "logging" {
    for_each = var.log_bucket == null ? [] : [var.log_bucket]
    content {
      target_bucket = logging.value
    }
  }
}
`, { name: 'dynamic logging block over a variable without a value' }),
  ],
});
