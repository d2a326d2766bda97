import control from '../../../src/controls/audit/cloudTrailGlobalEvents.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Trail: # <--
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs`,
    `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      IncludeGlobalServiceEvents: true # <--`,
    tf(`resource "aws_cloudtrail" "main" { # <--
  name                  = "main"
  s3_bucket_name        = "acme-cloudtrail-logs"
  is_multi_region_trail = true
}
`, { name: 'global service events by default' }),
    tf(`resource "aws_cloudtrail" "main" {
  name                          = "main"
  s3_bucket_name                = "acme-cloudtrail-logs"
  include_global_service_events = true # <--
}
`),
  ],
  fail: [
    `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      IncludeGlobalServiceEvents: false # <--`,
    tf(`resource "aws_cloudtrail" "regional" {
  name                          = "eu-west-1-only"
  s3_bucket_name                = "acme-cloudtrail-logs"
  include_global_service_events = false # <--
}
`),
  ],
  unknown: [
    tf(`variable "global_events" {
  type = bool
}

resource "aws_cloudtrail" "main" {
  name                          = "main"
  s3_bucket_name                = "acme-cloudtrail-logs"
  include_global_service_events = var.global_events # <--
}
`, { name: 'from a variable without a value' }),
  ],
});
