import control from '../../../src/controls/audit/logGroupEncrypted.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Key:
    Type: AWS::KMS::Key
  Group:
    Type: AWS::Logs::LogGroup
    Properties:
      KmsKeyId: !GetAtt Key.Arn # <--`,
    tf(`resource "aws_kms_key" "logs" {
  description         = "application logs"
  enable_key_rotation = true
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/app/api"
  retention_in_days = 90
  kms_key_id        = aws_kms_key.logs.arn # <--
}
`),
  ],
  fail: [
    `Resources:
  Group: # <--
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 30`,
    tf(`resource "aws_cloudwatch_log_group" "app" { # <--
  name              = "/app/api"
  retention_in_days = 90
}
`),
  ],
  unknown: [
    tf(`variable "log_key_arn" {
  type = string
}

resource "aws_cloudwatch_log_group" "app" {
  name       = "/app/api"
  kms_key_id = var.log_key_arn # <--
}
`, { name: 'key from a variable without a value' }),
  ],
});
