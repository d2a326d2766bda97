import control from '../../../src/controls/audit/cloudTrailLogValidation.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      EnableLogFileValidation: "true" # <--`,
    tf(`resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "acme-cloudtrail-logs"
  enable_log_file_validation = true # <--
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
  name           = "main"
  s3_bucket_name = "acme-cloudtrail-logs"
}
`, { name: 'validation off by default' }),
    tf(`resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "acme-cloudtrail-logs"
  enable_log_file_validation = false # <--
}
`),
  ],
  unknown: [
    `Parameters:
  Validate: { Type: String }
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      EnableLogFileValidation: !Ref Validate # <--`,
    tf(`variable "validate_logs" {
  type = bool
}

resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "acme-cloudtrail-logs"
  enable_log_file_validation = var.validate_logs # <--
}
`),
  ],
});
