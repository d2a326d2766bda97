import control from '../../../src/controls/iam/usersInGroups.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  X:
    Type: AWS::IAM::User
    Properties:
      Groups: [devs] # <--`,
    { name: 'a group named by a parameter is still a group', template: `Parameters:
  P: { Type: String }
Resources:
  X:
    Type: AWS::IAM::User
    Properties:
      Groups: [!Ref P] # <--` },
    `Resources:
  U:
    Type: AWS::IAM::User
  Add:
    Type: AWS::IAM::UserToGroupAddition
    Properties:
      GroupName: devs
      Users: [!Ref U] # <--`,
    tf(`resource "aws_iam_group" "devs" {
  name = "devs"
}

resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_group_membership" "alice" {
  user   = aws_iam_user.alice.name
  groups = [aws_iam_group.devs.name] # <--
}
`, { name: 'aws_iam_user_group_membership' }),
    tf(`resource "aws_iam_group" "developers" {
  name = "developers"
}

resource "aws_iam_user" "jim" {
  name = "jim"
}

resource "aws_iam_group_membership" "devteam" {
  name  = "developers-team"
  users = [aws_iam_user.jim.name]
  group = aws_iam_group.developers.name # <--
}
`, { name: 'aws_iam_group_membership' }),
  ],
  fail: [
    `Resources:
  X: # <--
    Type: AWS::IAM::User
    Properties:
      UserName: alice`,
    tf(`resource "aws_iam_user" "alice" { # <--
  name = "alice"
}
`, { name: 'a user in no group' }),
  ],
  unknown: [
    { name: 'the only group is listed under an undecided condition', template: `Parameters:
  P: { Type: String }
Conditions:
  C: !Equals [!Ref P, x]
Resources:
  X:
    Type: AWS::IAM::User
    Properties:
      Groups: # <--
        - !If [C, devs, !Ref AWS::NoValue]` },
    { name: 'groups from a parameter without default', template: `Parameters:
  P: { Type: CommaDelimitedList }
Resources:
  X:
    Type: AWS::IAM::User
    Properties:
      Groups: !Ref P # <--` },
    tf(`variable "groups" {
  type = list(string)
}

resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_group_membership" "alice" {
  user   = aws_iam_user.alice.name
  groups = var.groups # <--
}
`, { name: 'groups from a variable without a value' }),
    tf(`variable "user_name" {
  type = string
}

resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_group_membership" "someone" {
  user   = var.user_name
  groups = ["devs"] # <--
}
`, { name: 'a membership whose user cannot be told' }),
  ],
});
