import control from '../../../src/controls/audit/logGroupRetentionYear.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  G:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 400 # <--
`,
    { name: 'never expires', template: `Resources:
  G: # <--
    Type: AWS::Logs::LogGroup
` },
    tf(`resource "aws_cloudwatch_log_group" "app" {
  name              = "app"
  retention_in_days = 365 # <--
}
`, { name: 'retention_in_days = 365' }),
  ],
  fail: [
    `Resources:
  G:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 30 # <--
`,
    tf(`resource "aws_cloudwatch_log_group" "app" {
  name              = "app"
  retention_in_days = 90 # <--
}
`, { name: 'retention_in_days = 90' }),
  ],
  unknown: [
    { name: 'retention from a parameter', template: `Parameters:
  Days: { Type: Number }
Resources:
  G:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: !Ref Days # <--
` },
    tf(`variable "days" {
  type = number
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "app"
  retention_in_days = var.days # <--
}
`, { name: 'retention from a variable' }),
  ],
});
