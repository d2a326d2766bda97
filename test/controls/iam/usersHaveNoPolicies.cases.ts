import control from '../../../src/controls/iam/usersHaveNoPolicies.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  X: # <--
    Type: AWS::IAM::User
    Properties:
      Groups: [devs]`,
    `Resources:
  X:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: p
      Groups: [devs]
      Users: [] # <--
      PolicyDocument: { Statement: [] }`,
    tf(`resource "aws_iam_group" "developers" {
  name = "developers"
}

resource "aws_iam_user" "jim" { # <--
  name = "jim"
}

resource "aws_iam_group_membership" "devteam" {
  name  = "developers-team"
  users = [aws_iam_user.jim.name]
  group = aws_iam_group.developers.name
}

resource "aws_iam_group_policy" "ec2" {
  name  = "describe"
  group = aws_iam_group.developers.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["ec2:Describe*"], Resource = "*" }]
  })
}
`, { name: 'permissions through a group' }),
  ],
  fail: [
    `Resources:
  X:
    Type: AWS::IAM::User
    Properties:
      Policies: # <--
        - PolicyName: p
          PolicyDocument: { Statement: [] }`,
    `Resources:
  X:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      Users: [alice] # <--
      PolicyDocument: { Statement: [] }`,
    `Resources:
  X:
    Type: AWS::IAM::UserPolicy
    Properties:
      UserName: alice # <--
      PolicyName: p
      PolicyDocument: { Statement: [] }`,
    `Resources:
  Alice:
    Type: AWS::IAM::User
  P:
    Type: AWS::IAM::UserPolicy
    Properties:
      UserName: !Ref Alice # <--
      PolicyName: p
      PolicyDocument: { Statement: [] }`,
    `Resources:
  Alice:
    Type: AWS::IAM::User
    Properties:
      UserName: alice
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      Users: [alice] # <--
      PolicyDocument: { Statement: [] }`,
    tf(`resource "aws_iam_user" "jim" {
  name = "jim"
}

resource "aws_iam_user_policy" "ec2" {
  name = "describe"
  user = aws_iam_user.jim.name # <--
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["ec2:Describe*"], Resource = "*" }]
  })
}
`, { name: 'aws_iam_user_policy' }),
    tf(`resource "aws_iam_user" "jim" {
  name = "jim"
}

resource "aws_iam_user_policy_attachment" "jim" {
  user       = aws_iam_user.jim.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess" # <--
}
`, { name: 'managed policy attached to the user' }),
    tf(`resource "aws_iam_user" "jim" {
  name = "jim"
}

resource "aws_iam_policy" "read" {
  name = "read"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "arn:aws:s3:::reports/*" }]
  })
}

resource "aws_iam_policy_attachment" "read" {
  name       = "read"
  users      = [aws_iam_user.jim.name]
  policy_arn = aws_iam_policy.read.arn # <--
}
`, { name: 'aws_iam_policy_attachment listing the user' }),
  ],
  unknown: [
    { name: 'managed policies only under an undecided condition', template: `Parameters:
  P: { Type: String }
Conditions:
  C: !Equals [!Ref P, x]
Resources:
  X:
    Type: AWS::IAM::User
    Properties:
      ManagedPolicyArns: !If [C, [arn:aws:iam::aws:policy/ReadOnlyAccess], !Ref AWS::NoValue] # <--` },
    tf(`variable "user_name" {
  type = string
}

resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_policy_attachment" "someone" {
  user       = var.user_name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess" # <--
}
`, { name: 'an attachment whose user cannot be told' }),
  ],
  not_applicable: [
    `Resources:
  X:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: p
      Roles: [r]
      PolicyDocument: { Statement: [] }`,
    tf(`resource "aws_iam_policy" "read" {
  name = "read"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "arn:aws:s3:::reports/*" }]
  })
}
`, { name: 'a managed policy names no user in Terraform (attachments do)' }),
  ],
});
