import control from '../../../src/controls/audit/cloudTrailSnsNotification.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Topic:
    Type: AWS::SNS::Topic
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: acme-cloudtrail
      SnsTopicName: !GetAtt Topic.TopicName # <--
`,
    tf(`resource "aws_sns_topic" "trail" {
  name = "trail-deliveries"
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "acme-cloudtrail"
  sns_topic_name = aws_sns_topic.trail.name # <--
}
`, { name: 'sns_topic_name' }),
  ],
  fail: [
    `Resources:
  Trail: # <--
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: acme-cloudtrail
`,
    tf(`resource "aws_cloudtrail" "main" { # <--
  name           = "main"
  s3_bucket_name = "acme-cloudtrail"
}
`, { name: 'no sns_topic_name' }),
  ],
  unknown: [
    { name: 'topic from a parameter', template: `Parameters:
  Topic: { Type: String }
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: acme-cloudtrail
      SnsTopicName: !Ref Topic # <--
` },
    tf(`variable "topic" {
  type = string
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "acme-cloudtrail"
  sns_topic_name = var.topic # <--
}
`, { name: 'topic from a variable' }),
  ],
});
