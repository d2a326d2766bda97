import control from '../../../src/controls/audit/cloudTrailMultiRegion.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      IsMultiRegionTrail: true # <--`,
    { name: 'parameter default "true"', template: `Parameters:
  Multi: { Type: String, Default: "true", AllowedValues: ["true", "false"] }
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      IsMultiRegionTrail: !Ref Multi # <--` },
    tf(`resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "acme-cloudtrail-logs"
  is_multi_region_trail = true # <--
}
`),
    tf(`variable "multi_region" {
  type    = bool
  default = true
}

resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "acme-cloudtrail-logs"
  is_multi_region_trail = var.multi_region # <--
}
`, { name: 'variable default true' }),
  ],
  fail: [
    `Resources:
  Trail: # <--
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs`,
    `{"Resources": {"Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "b", "IsMultiRegionTrail": false}}}}`,
    tf(`resource "aws_cloudtrail" "main" { # <--
  name           = "main"
  s3_bucket_name = "acme-cloudtrail-logs"
}
`, { name: 'single-region by default' }),
  ],
  unknown: [
    { name: 'condition chooses', template: `Parameters:
  Env: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      IsMultiRegionTrail: !If [IsProd, true, false] # <--` },
    tf(`variable "env" {
  type = string
}

resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "acme-cloudtrail-logs"
  is_multi_region_trail = var.env == "prod" # <--
}
`, { name: 'condition on a variable without a value' }),
  ],
});
