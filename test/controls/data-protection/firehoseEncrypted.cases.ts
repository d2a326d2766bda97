import control from '../../../src/controls/data-protection/firehoseEncrypted.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::KinesisFirehose::DeliveryStream
    Properties:
      DeliveryStreamName: clicks
      S3DestinationConfiguration:
        BucketARN: arn:aws:s3:::clicks
        RoleARN: arn:aws:iam::111122223333:role/firehose
      DeliveryStreamEncryptionConfigurationInput:
        KeyType: CUSTOMER_MANAGED_CMK # <--
        KeyARN: arn:aws:kms:eu-west-1:111122223333:key/abc
`,
    tf(`resource "aws_kinesis_firehose_delivery_stream" "clicks" {
  name        = "clicks"
  destination = "extended_s3"
  
  extended_s3_configuration {
    role_arn   = "arn:aws:iam::111122223333:role/firehose"
    bucket_arn = "arn:aws:s3:::clicks"
  }
  
  server_side_encryption {
    enabled = true # <--
  }
}
`, { name: 'enabled with the default key type' }),
    tf(`resource "aws_kinesis_firehose_delivery_stream" "clicks" {
  name        = "clicks"
  destination = "extended_s3"
  
  extended_s3_configuration {
    role_arn   = "arn:aws:iam::111122223333:role/firehose"
    bucket_arn = "arn:aws:s3:::clicks"
  }
  
  server_side_encryption {
    enabled  = true
    key_type = "CUSTOMER_MANAGED_CMK" # <--
    key_arn  = "arn:aws:kms:eu-west-1:111122223333:key/abc"
  }
}
`, { name: 'customer managed key' }),
  ],
  fail: [
    { name: 'left out', template: `Resources:
  R: # <--
    Type: AWS::KinesisFirehose::DeliveryStream
    Properties:
      DeliveryStreamName: clicks
      S3DestinationConfiguration:
        BucketARN: arn:aws:s3:::clicks
        RoleARN: arn:aws:iam::111122223333:role/firehose
` },
    tf(`resource "aws_kinesis_firehose_delivery_stream" "clicks" { # <--
  name        = "clicks"
  destination = "extended_s3"
  
  extended_s3_configuration {
    role_arn   = "arn:aws:iam::111122223333:role/firehose"
    bucket_arn = "arn:aws:s3:::clicks"
  }
}
`, { name: 'no server_side_encryption' }),
    tf(`resource "aws_kinesis_firehose_delivery_stream" "clicks" { # <--
  name        = "clicks"
  destination = "extended_s3"
  
  extended_s3_configuration {
    role_arn   = "arn:aws:iam::111122223333:role/firehose"
    bucket_arn = "arn:aws:s3:::clicks"
  }
  
  server_side_encryption {
    enabled = false
  }
}
`, { name: 'enabled = false' }),
  ],
  unknown: [
    tf(`variable "sse" {
  type = bool
}

resource "aws_kinesis_firehose_delivery_stream" "clicks" {
  name        = "clicks"
  destination = "extended_s3"
  
  extended_s3_configuration {
    role_arn   = "arn:aws:iam::111122223333:role/firehose"
    bucket_arn = "arn:aws:s3:::clicks"
  }
  
  server_side_encryption {
    enabled = var.sse # <--
  }
}
`, { name: 'from a variable' }),
  ],
  not_applicable: [
    { name: 'Kinesis stream source', template: `Resources:
  R:
    Type: AWS::KinesisFirehose::DeliveryStream
    Properties:
      DeliveryStreamType: KinesisStreamAsSource
      KinesisStreamSourceConfiguration:
        KinesisStreamARN: arn:aws:kinesis:eu-west-1:111122223333:stream/events
        RoleARN: arn:aws:iam::111122223333:role/firehose
      S3DestinationConfiguration:
        BucketARN: arn:aws:s3:::clicks
        RoleARN: arn:aws:iam::111122223333:role/firehose
` },
    tf(`resource "aws_kinesis_firehose_delivery_stream" "clicks" {
  name        = "clicks"
  destination = "extended_s3"
  
  extended_s3_configuration {
    role_arn   = "arn:aws:iam::111122223333:role/firehose"
    bucket_arn = "arn:aws:s3:::clicks"
  }
  
  kinesis_source_configuration {
    kinesis_stream_arn = "arn:aws:kinesis:eu-west-1:111122223333:stream/events"
    role_arn           = "arn:aws:iam::111122223333:role/firehose"
  }
}
`, { name: 'Kinesis stream source' }),
  ],
});
