import control from '../../../src/controls/audit/cloudTrailEncrypted.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Key:
    Type: AWS::KMS::Key
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      KMSKeyId: !Ref Key # <--`,
    `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      KMSKeyId: alias/trail # <--`,
    tf(`resource "aws_kms_key" "trail" {
  description         = "CloudTrail log files"
  enable_key_rotation = true
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "acme-cloudtrail-logs"
  kms_key_id     = aws_kms_key.trail.arn # <--
}
`),
  ],
  fail: [
    `Resources:
  Trail: # <--
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs`,
    tf(`resource "aws_cloudtrail" "main" { # <--
  name                          = "main"
  s3_bucket_name                = "acme-cloudtrail-logs"
  is_multi_region_trail         = true
  enable_log_file_validation    = true
}
`),
  ],
  unknown: [
    tf(`variable "trail_key_arn" {
  type = string
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "acme-cloudtrail-logs"
  kms_key_id     = var.trail_key_arn # <--
}
`, { name: 'key from a variable without a value' }),
  ],
});
