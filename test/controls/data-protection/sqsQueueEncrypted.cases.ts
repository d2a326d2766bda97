import control from '../../../src/controls/data-protection/sqsQueueEncrypted.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B: # <--
    Type: AWS::SQS::Queue
`,
    `Resources:
  B:
    Type: AWS::SQS::Queue
    Properties:
      SqsManagedSseEnabled: true # <--
`,
    `Resources:
  B:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: !Ref Key # <--
  Key:
    Type: AWS::KMS::Key
`,
    `{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"SqsManagedSseEnabled": false, "KmsMasterKeyId": "alias/aws/sqs"}}}}`,
    tf(`resource "aws_sqs_queue" "jobs" { # <--
  name = "jobs"
}
`, { name: 'no encryption arguments: SSE-SQS by default' }),
    tf(`resource "aws_sqs_queue" "jobs" {
  name                    = "jobs"
  sqs_managed_sse_enabled = true # <--
}
`, { name: 'sqs_managed_sse_enabled = true' }),
    tf(`resource "aws_sqs_queue" "jobs" {
  name                              = "jobs"
  kms_master_key_id                 = "alias/aws/sqs" # <--
  kms_data_key_reuse_period_seconds = 300
}
`, { name: 'SSE-KMS with the AWS managed key' }),
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::SQS::Queue
    Properties:
      SqsManagedSseEnabled: false # <--
`,
    { name: "parameter default false", template: `Parameters:
  Sse: { Type: String, Default: 'false' }
Resources:
  B:
    Type: AWS::SQS::Queue
    Properties:
      SqsManagedSseEnabled: !Ref Sse # <--
` },
    tf(`resource "aws_sqs_queue" "jobs" {
  name                    = "jobs"
  sqs_managed_sse_enabled = false # <--
}
`, { name: 'sqs_managed_sse_enabled = false without a key' }),
  ],
  unknown: [
    { name: "parameter without default", template: `Parameters:
  Sse: { Type: String }
Resources:
  B:
    Type: AWS::SQS::Queue
    Properties:
      SqsManagedSseEnabled: !Ref Sse # <--
` },
    tf(`variable "sse_enabled" {
  type = bool
}

resource "aws_sqs_queue" "jobs" {
  name                    = "jobs"
  sqs_managed_sse_enabled = var.sse_enabled # <--
}
`, { name: 'sqs_managed_sse_enabled from a variable without a value' }),
  ],
});
