import control from '../../../src/controls/data-protection/kinesisStreamEncrypted.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::Kinesis::Stream
    Properties:
      ShardCount: 1
      StreamEncryption:
        EncryptionType: KMS
        KeyId: alias/aws/kinesis # <--
`,
    tf(`resource "aws_kinesis_stream" "events" {
  name            = "events"
  shard_count     = 1
  encryption_type = "KMS"
  kms_key_id      = "alias/aws/kinesis" # <--
}
`, { name: 'KMS' }),
  ],
  fail: [
    { name: 'left out', template: `Resources:
  R: # <--
    Type: AWS::Kinesis::Stream
    Properties:
      ShardCount: 1
` },
    tf(`resource "aws_kinesis_stream" "events" { # <--
  name        = "events"
  shard_count = 1
}
`, { name: 'left out' }),
    { name: 'KMS without a key', template: `Resources:
  R:
    Type: AWS::Kinesis::Stream
    Properties:
      ShardCount: 1
      StreamEncryption: # <--
        EncryptionType: KMS
` },
    tf(`resource "aws_kinesis_stream" "events" {
  name            = "events"
  shard_count     = 1
  encryption_type = "KMS" # <--
}
`, { name: 'KMS without kms_key_id' }),
    tf(`resource "aws_kinesis_stream" "events" { # <--
  name            = "events"
  shard_count     = 1
  encryption_type = "NONE"
}
`, { name: 'NONE' }),
  ],
  unknown: [
    tf(`variable "enc" {
  type = string
}

resource "aws_kinesis_stream" "events" {
  name            = "events"
  shard_count     = 1
  encryption_type = var.enc # <--
  kms_key_id      = "alias/aws/kinesis"
}
`, { name: 'from a variable' }),
  ],
});
