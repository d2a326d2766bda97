import control from '../../../src/controls/audit/logGroupRetention.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Group:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 365 # <--`,
    { name: 'parameter default', template: `Parameters:
  Days: { Type: Number, Default: 90 }
Resources:
  Group:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: !Ref Days # <--` },
    tf(`resource "aws_cloudwatch_log_group" "app" {
  name              = "/app/api"
  retention_in_days = 365 # <--
}
`),
    tf(`variable "log_retention_days" {
  type    = number
  default = 90
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/app/api"
  retention_in_days = var.log_retention_days # <--
}
`, { name: 'variable default' }),
  ],
  fail: [
    `Resources:
  Group: # <--
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: app`,
    `Resources:
  Group:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 8675309 # <--`,
    tf(`resource "aws_cloudwatch_log_group" "app" { # <--
  name = "/app/api"
}
`, { name: 'never expires by default' }),
    tf(`resource "aws_cloudwatch_log_group" "app" {
  name              = "/app/api"
  retention_in_days = 0 # <--
}
`, { name: '0: never expire' }),
  ],
  unknown: [
    `Parameters:
  Days: { Type: Number }
Resources:
  Group:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: !Ref Days # <--`,
    tf(`variable "log_retention_days" {
  type = number
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/app/api"
  retention_in_days = var.log_retention_days # <--
}
`),
  ],
});
