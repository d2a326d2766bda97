import control from '../../../src/controls/audit/cloudTrailLogging.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true # <--
      S3BucketName: logs`,
    tf(`resource "aws_cloudtrail" "main" { # <--
  name           = "main"
  s3_bucket_name = "acme-cloudtrail-logs"
}
`, { name: 'logging by default' }),
    tf(`resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "acme-cloudtrail-logs"
  enable_logging = true # <--
}
`),
  ],
  fail: [
    `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: false # <--
      S3BucketName: logs`,
    { name: 'parameter overridden', params: { Log: 'false' }, template: `Parameters:
  Log: { Type: String, Default: "true" }
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: !Ref Log # <--
      S3BucketName: logs` },
    tf(`resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "acme-cloudtrail-logs"
  enable_logging = false # <--
}
`),
    tf(`variable "trail_enabled" {
  type    = bool
  default = true
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "acme-cloudtrail-logs"
  enable_logging = var.trail_enabled # <--
}
`, { name: 'variable overridden', params: { trail_enabled: 'false' } }),
  ],
  unknown: [
    tf(`variable "trail_enabled" {
  type = bool
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "acme-cloudtrail-logs"
  enable_logging = var.trail_enabled # <--
}
`, { name: 'from a variable without a value' }),
  ],
});
