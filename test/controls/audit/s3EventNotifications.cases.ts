import control from '../../../src/controls/audit/s3EventNotifications.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Q:
    Type: AWS::SQS::Queue
  B:
    Type: AWS::S3::Bucket
    Properties:
      NotificationConfiguration:
        QueueConfigurations: # <--
          - Event: s3:ObjectRemoved:*
            Queue: !GetAtt Q.Arn
`,
    `Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      NotificationConfiguration:
        EventBridgeConfiguration:
          EventBridgeEnabled: true # <--
`,
    tf(`resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_sns_topic" "events" {
  name = "bucket-events"
}

resource "aws_s3_bucket_notification" "data" {
  bucket = aws_s3_bucket.data.id

  topic { # <--
    topic_arn = aws_sns_topic.events.arn
    events    = ["s3:ObjectRemoved:*"]
  }
}
`, { name: 'topic notification' }),
    tf(`resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_notification" "data" {
  bucket      = aws_s3_bucket.data.id
  eventbridge = true # <--
}
`, { name: 'EventBridge' }),
  ],
  fail: [
    `Resources:
  B: # <--
    Type: AWS::S3::Bucket
`,
    `Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      NotificationConfiguration: # <--
        EventBridgeConfiguration:
          EventBridgeEnabled: false
`,
    tf(`resource "aws_s3_bucket" "data" { # <--
  bucket = "acme-data"
}
`, { name: 'no notification resource' }),
  ],
  unknown: [
    { name: 'EventBridge from a parameter', template: `Parameters:
  On: { Type: String }
Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      NotificationConfiguration:
        EventBridgeConfiguration:
          EventBridgeEnabled: !Ref On # <--
` },
    tf(`variable "on" {
  type = bool
}

resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_notification" "data" {
  bucket      = aws_s3_bucket.data.id
  eventbridge = var.on # <--
}
`, { name: 'eventbridge from a variable' }),
  ],
});
