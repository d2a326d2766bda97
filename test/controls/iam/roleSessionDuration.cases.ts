import control from '../../../src/controls/iam/roleSessionDuration.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R: # <--
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: ec2.amazonaws.com }
            Action: sts:AssumeRole`,
    `Resources:
  X:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [] }
      MaxSessionDuration: 3600 # <--`,
    tf(`resource "aws_iam_role" "app" { # <--
  name               = "app"
  assume_role_policy = "{}"
}
`, { name: 'left out: one hour' }),
    tf(`resource "aws_iam_role" "app" {
  name                 = "app"
  assume_role_policy   = "{}"
  max_session_duration = 3600 # <--
}
`, { name: 'one hour' }),
  ],
  fail: [
    `Resources:
  X:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [] }
      MaxSessionDuration: 43200 # <--`,
    { name: 'parameter default', template: `Parameters:
  P:
    Type: String
    Default: '7200'
Resources:
  X:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [] }
      MaxSessionDuration: !Ref P # <--` },
    tf(`resource "aws_iam_role" "analyst" {
  name                 = "analyst"
  assume_role_policy   = "{}"
  max_session_duration = 43200 # <--
}
`, { name: 'twelve hours' }),
    tf(`variable "session_seconds" {
  type    = number
  default = 7200
}

resource "aws_iam_role" "analyst" {
  name                 = "analyst"
  assume_role_policy   = "{}"
  max_session_duration = var.session_seconds # <--
}
`, { name: 'variable default' }),
  ],
  unknown: [
    { name: 'parameter without default', template: `Parameters:
  P: { Type: String }
Resources:
  X:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [] }
      MaxSessionDuration: !Ref P # <--` },
    tf(`variable "session_seconds" {
  type = number
}

resource "aws_iam_role" "analyst" {
  name                 = "analyst"
  assume_role_policy   = "{}"
  max_session_duration = var.session_seconds # <--
}
`, { name: 'variable without a value' }),
  ],
});
