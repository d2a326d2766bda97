import control from '../../../src/controls/iam/noPrivilegedManagedPolicies.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  X:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [] }
      ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess] # <--`,
    `Resources:
  X: # <--
    Type: AWS::IAM::Group
    Properties:
      GroupName: g`,
    tf(`resource "aws_iam_role" "reader" {
  name               = "reader"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy_attachment" "reader" {
  role       = aws_iam_role.reader.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess" # <--
}
`, { name: 'ReadOnlyAccess attached' }),
    tf(`resource "aws_iam_group" "devs" { # <--
  name = "devs"
}
`, { name: 'no managed policy' }),
  ],
  fail: [
    `Resources:
  X:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [] }
      ManagedPolicyArns: [!Sub 'arn:\${AWS::Partition}:iam::aws:policy/AdministratorAccess'] # <--`,
    `Resources:
  X:
    Type: AWS::IAM::User
    Properties:
      ManagedPolicyArns: [arn:aws:iam::aws:policy/IAMFullAccess] # <--`,
    { name: 'SAM policy by name', template: `Resources:
  X:
    Type: AWS::Serverless::Function
    Properties:
      Handler: i.h
      Runtime: nodejs20.x
      CodeUri: .
      Policies: [PowerUserAccess] # <--` },
    // The list item is the parameter's value, written (and reported) at its default.
    { name: 'parameter default', template: `Parameters:
  P:
    Type: String
    Default: 'arn:aws:iam::aws:policy/AdministratorAccess' # <--
Resources:
  X:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [] }
      ManagedPolicyArns: [!Ref P]` },
    tf(`resource "aws_iam_role" "ops" {
  name               = "ops"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy_attachment" "read" {
  role       = aws_iam_role.ops.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_role_policy_attachment" "admin" {
  role       = aws_iam_role.ops.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess" # <--
}
`, { name: 'AdministratorAccess attached beside a harmless policy' }),
    tf(`resource "aws_iam_role" "build" {
  name                = "build"
  assume_role_policy  = "{}"
  managed_policy_arns = ["arn:aws:iam::aws:policy/PowerUserAccess"] # <--
}
`, { name: 'managed_policy_arns of the role' }),
    tf(`resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_policy_attachment" "alice" {
  user       = aws_iam_user.alice.name
  policy_arn = "arn:aws:iam::aws:policy/IAMFullAccess" # <--
}
`, { name: 'IAMFullAccess attached to a user' }),
    tf(`resource "aws_iam_group" "admins" {
  name = "admins"
}

resource "aws_iam_policy_attachment" "admins" {
  name       = "admins"
  groups     = [aws_iam_group.admins.name]
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess" # <--
}
`, { name: 'exclusive aws_iam_policy_attachment to a group' }),
  ],
  unknown: [
    { name: 'parameter without default', template: `Parameters:
  P: { Type: String }
Resources:
  X:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [] }
      ManagedPolicyArns: [!Ref P] # <--` },
    tf(`variable "policy_arn" {
  type = string
}

resource "aws_iam_role" "app" {
  name               = "app"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy_attachment" "app" {
  role       = aws_iam_role.app.name
  policy_arn = var.policy_arn # <--
}
`, { name: 'policy from a variable without a value' }),
  ],
});
