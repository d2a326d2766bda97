import control from '../../../src/controls/data-protection/sqsQueueKms.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: !GetAtt Key.Arn # <--
  Key:
    Type: AWS::KMS::Key
`,
    tf(`resource "aws_kms_key" "queue" {
  enable_key_rotation = true
}

resource "aws_sqs_queue" "orders" {
  name              = "orders"
  kms_master_key_id = aws_kms_key.queue.arn # <--
}
`, { name: 'customer managed key' }),
  ],
  fail: [
    `Resources:
  B: # <--
    Type: AWS::SQS::Queue
`,
    `Resources:
  B: # <--
    Type: AWS::SQS::Queue
    Properties:
      SqsManagedSseEnabled: true
`,
    { name: 'AWS managed key alias/aws/sqs', template: `Resources:
  Q:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: alias/aws/sqs # <--
` },
    tf(`resource "aws_sqs_queue" "orders" { # <--
  name                    = "orders"
  sqs_managed_sse_enabled = true
}
`, { name: 'SSE-SQS only' }),
    tf(`resource "aws_sqs_queue" "orders" {
  name              = "orders"
  kms_master_key_id = "alias/aws/sqs" # <--
}
`, { name: 'the AWS managed key alias/aws/sqs' }),
  ],
  unknown: [
    { name: "Fn::If with a NoValue branch", template: `Parameters:
  Env: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  B:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: !If [IsProd, alias/app, !Ref AWS::NoValue] # <--
` },
    tf(`variable "queue_kms_key_id" {
  type = string
}

resource "aws_sqs_queue" "orders" {
  name              = "orders"
  kms_master_key_id = var.queue_kms_key_id # <--
}
`, { name: 'key from a variable without a value' }),
  ],
});
