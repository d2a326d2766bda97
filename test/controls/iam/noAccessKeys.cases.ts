import control from '../../../src/controls/iam/noAccessKeys.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  X:
    Type: AWS::IAM::AccessKey
    Properties:
      UserName: alice
      Status: Inactive # <--`,
    tf(`resource "aws_iam_user" "ci" {
  name = "ci"
}

resource "aws_iam_access_key" "ci" {
  user   = aws_iam_user.ci.name
  status = "Inactive" # <--
}
`, { name: 'key created Inactive' }),
  ],
  fail: [
    `Resources:
  X: # <--
    Type: AWS::IAM::AccessKey
    Properties:
      UserName: alice`,
    { name: 'status from parameter default', template: `Parameters:
  P:
    Type: String
    Default: 'Active'
Resources:
  X:
    Type: AWS::IAM::AccessKey
    Properties:
      UserName: alice
      Status: !Ref P # <--` },
    tf(`resource "aws_iam_user" "ci" {
  name = "ci"
}

resource "aws_iam_access_key" "ci" { # <--
  user    = aws_iam_user.ci.name
  pgp_key = "keybase:ci_bot"
}
`, { name: 'status left out: the key is Active' }),
  ],
  unknown: [
    { name: 'status parameter without default', template: `Parameters:
  P: { Type: String }
Resources:
  X:
    Type: AWS::IAM::AccessKey
    Properties:
      UserName: alice
      Status: !Ref P # <--` },
    tf(`variable "key_status" {
  type = string
}

resource "aws_iam_access_key" "ci" {
  user   = "ci"
  status = var.key_status # <--
}
`, { name: 'status from a variable without a value' }),
  ],
});
