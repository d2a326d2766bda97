import control from '../../../src/controls/iam/usersInGroups.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  X:\n    Type: AWS::IAM::User\n    Properties:\n      Groups: [devs]\n",
    { name: "a group named by a parameter is still a group", template: "Parameters:\n  P: { Type: String }\nResources:\n  X:\n    Type: AWS::IAM::User\n    Properties:\n      Groups: [!Ref P]\n" },
    "Resources:\n  U:\n    Type: AWS::IAM::User\n  Add:\n    Type: AWS::IAM::UserToGroupAddition\n    Properties:\n      GroupName: devs\n      Users: [!Ref U]\n",
  ],
  fail: [
    "Resources:\n  X:\n    Type: AWS::IAM::User\n    Properties:\n      UserName: alice\n",
  ],
  unknown: [
    { name: "the only group is listed under an undecided condition", template: "Parameters:\n  P: { Type: String }\nConditions:\n  C: !Equals [!Ref P, x]\nResources:\n  X:\n    Type: AWS::IAM::User\n    Properties:\n      Groups:\n        - !If [C, devs, !Ref AWS::NoValue]\n" },
    { name: "groups from a parameter without default", template: "Parameters:\n  P: { Type: CommaDelimitedList }\nResources:\n  X:\n    Type: AWS::IAM::User\n    Properties:\n      Groups: !Ref P\n" },
  ],
});
