import control from '../../../src/controls/audit/cloudTrailS3DataEvents.js';
import { cases, tf } from '../../helpers/cases.js';

const trail = (extra: string, mark = false) => `Resources:
  Trail:${mark ? ' # <--' : ''}
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: acme-cloudtrail
${extra}`;

export default cases(control, {
  pass: [
    trail(`      EventSelectors:
        - ReadWriteType: All # <--
          DataResources:
            - Type: AWS::S3::Object
              Values: ['arn:aws:s3']
`),
    { name: 'advanced selector', template: trail(`      AdvancedEventSelectors:
        - Name: S3 data events # <--
          FieldSelectors:
            - Field: eventCategory
              Equals: [Data]
            - Field: resources.type
              Equals: ['AWS::S3::Object']
`) },
    tf(`resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "acme-cloudtrail"

  event_selector { # <--
    read_write_type           = "All"
    include_management_events = true

    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3"]
    }
  }
}
`, { name: 'event_selector for all buckets' }),
  ],
  fail: [
    trail('', true),
    { name: 'write-only', template: trail(`      EventSelectors: # <--
        - ReadWriteType: WriteOnly
          DataResources:
            - Type: AWS::S3::Object
              Values: ['arn:aws:s3']
`) },
    { name: 'one bucket only', template: trail(`      EventSelectors: # <--
        - DataResources:
            - Type: AWS::S3::Object
              Values: ['arn:aws:s3:::acme-data/']
`) },
    tf(`resource "aws_cloudtrail" "main" { # <--
  name           = "main"
  s3_bucket_name = "acme-cloudtrail"
}
`, { name: 'management events only' }),
    tf(`resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "acme-cloudtrail"

  advanced_event_selector { # <--
    name = "S3 reads of one bucket"
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::S3::Object"]
    }
    field_selector {
      field       = "resources.ARN"
      starts_with = ["arn:aws:s3:::acme-data/"]
    }
  }
}
`, { name: 'advanced selector narrowed to a bucket' }),
  ],
  unknown: [
    { name: 'values from a parameter', template: `Parameters:
  Buckets: { Type: CommaDelimitedList }
${trail(`      EventSelectors:
        - DataResources:
            - Type: AWS::S3::Object
              Values: !Ref Buckets # <--
`)}` },
  ],
});
