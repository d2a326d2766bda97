import control from '../../../src/controls/iam/usersInGroups.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  X:\n    Type: AWS::IAM::User\n    Properties:\n      Groups: [devs]\n",
    "Resources:\n  U:\n    Type: AWS::IAM::User\n  Add:\n    Type: AWS::IAM::UserToGroupAddition\n    Properties:\n      GroupName: devs\n      Users: [!Ref U]\n",
  ],
  fail: [
    "Resources:\n  X:\n    Type: AWS::IAM::User\n    Properties:\n      UserName: alice\n",
  ],
  unknown: [
    { name: "groups from a parameter without default", template: "Parameters:\n  P: { Type: CommaDelimitedList }\nResources:\n  X:\n    Type: AWS::IAM::User\n    Properties:\n      Groups: !Ref P\n" },
  ],
});
