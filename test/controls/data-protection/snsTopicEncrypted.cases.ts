import control from '../../../src/controls/data-protection/snsTopicEncrypted.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: alias/aws/sns # <--
`,
    `Resources:
  B:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: !Ref Key # <--
  Key:
    Type: AWS::KMS::Key
`,
    tf(`resource "aws_sns_topic" "alerts" {
  name              = "alerts"
  kms_master_key_id = "alias/aws/sns" # <--
}
`, { name: 'AWS managed key for SNS' }),
    tf(`resource "aws_kms_key" "sns" {
  enable_key_rotation = true
}

resource "aws_sns_topic" "orders" {
  name              = "orders"
  kms_master_key_id = aws_kms_key.sns.id # <--
}
`, { name: 'customer managed key' }),
  ],
  fail: [
    `Resources:
  B: # <--
    Type: AWS::SNS::Topic
    Properties:
      TopicName: alerts
`,
    `Resources:
  B: # <--
    Type: AWS::SNS::Topic
`,
    tf(`resource "aws_sns_topic" "alerts" { # <--
  name = "alerts"
}
`, { name: 'no kms_master_key_id' }),
  ],
  unknown: [
    { name: "key from a parameter without default", template: `Parameters:
  KeyId: { Type: String }
Resources:
  B:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: !Ref KeyId # <--
` },
    tf(`variable "topic_kms_key_id" {
  type = string
}

resource "aws_sns_topic" "alerts" {
  name              = "alerts"
  kms_master_key_id = var.topic_kms_key_id # <--
}
`, { name: 'key from a variable without a value' }),
  ],
});
