import control from '../../../src/controls/iam/usersInGroups.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  X:
    Type: AWS::IAM::User
    Properties:
      Groups: [devs]`,
    { name: 'a group named by a parameter is still a group', template: `Parameters:
  P: { Type: String }
Resources:
  X:
    Type: AWS::IAM::User
    Properties:
      Groups: [!Ref P]` },
    `Resources:
  U:
    Type: AWS::IAM::User
  Add:
    Type: AWS::IAM::UserToGroupAddition
    Properties:
      GroupName: devs
      Users: [!Ref U]`,
  ],
  fail: [
    `Resources:
  X:
    Type: AWS::IAM::User
    Properties:
      UserName: alice`,
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
      Groups:
        - !If [C, devs, !Ref AWS::NoValue]` },
    { name: 'groups from a parameter without default', template: `Parameters:
  P: { Type: CommaDelimitedList }
Resources:
  X:
    Type: AWS::IAM::User
    Properties:
      Groups: !Ref P` },
  ],
});
