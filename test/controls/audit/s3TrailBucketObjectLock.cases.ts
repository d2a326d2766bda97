import control from '../../../src/controls/audit/s3TrailBucketObjectLock.js';
import { cases, tf } from '../../helpers/cases.js';

const trail = (bucket: string) => `  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      IsMultiRegionTrail: true
      S3BucketName: ${bucket}
`;

export default cases(control, {
  pass: [
    { name: 'compliance-mode default retention', template: `Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      ObjectLockEnabled: true
      ObjectLockConfiguration:
        ObjectLockEnabled: Enabled
        Rule:
          DefaultRetention: # <--
            Mode: COMPLIANCE
            Days: 365
${trail('!Ref Logs')}` },
    tf(`resource "aws_s3_bucket" "trail_logs" {
  bucket              = "acme-org-trail-logs"
  object_lock_enabled = true
}

resource "aws_s3_bucket_object_lock_configuration" "trail_logs" {
  bucket = aws_s3_bucket.trail_logs.id

  rule {
    default_retention { # <--
      mode = "COMPLIANCE"
      days = 365
    }
  }
}

resource "aws_cloudtrail" "org" {
  name                  = "org"
  s3_bucket_name        = aws_s3_bucket.trail_logs.id
  is_multi_region_trail = true
}
`),
  ],
  fail: [
    { name: 'trail bucket without Object Lock', template: `Resources:
  Logs: # <--
    Type: AWS::S3::Bucket
    Properties:
      BucketName: org-trail-logs
${trail('org-trail-logs')}` },
    { name: 'Object Lock without a default retention', template: `Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      ObjectLockEnabled: true
      ObjectLockConfiguration: # <--
        ObjectLockEnabled: Enabled
${trail('!Ref Logs')}` },
    tf(`resource "aws_s3_bucket" "trail_logs" { # <--
  bucket = "acme-org-trail-logs"
}

resource "aws_cloudtrail" "org" {
  name                  = "org"
  s3_bucket_name        = aws_s3_bucket.trail_logs.id
  is_multi_region_trail = true
}
`, { name: 'trail bucket without Object Lock' }),
    tf(`resource "aws_s3_bucket" "trail_logs" {
  bucket              = "acme-org-trail-logs"
  object_lock_enabled = true
}

resource "aws_s3_bucket_object_lock_configuration" "trail_logs" { # <--
  bucket = aws_s3_bucket.trail_logs.id
}

resource "aws_cloudtrail" "org" {
  name                  = "org"
  s3_bucket_name        = "acme-org-trail-logs"
  is_multi_region_trail = true
}
`, { name: 'Object Lock without a default retention, trail naming the bucket' }),
  ],
  unknown: [
    { name: 'trail writing to a bucket outside the scanned templates', template: `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: central-audit-logs # <--
` },
    tf(`resource "aws_cloudtrail" "org" {
  name                  = "org"
  s3_bucket_name        = "central-audit-logs" # <--
  is_multi_region_trail = true
}
`, { name: 'trail writing to a bucket outside the configuration' }),
  ],
});
