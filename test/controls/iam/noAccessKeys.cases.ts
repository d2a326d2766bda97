import control from '../../../src/controls/iam/noAccessKeys.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  X:\n    Type: AWS::IAM::AccessKey\n    Properties:\n      UserName: alice\n      Status: Inactive\n",
  ],
  fail: [
    "Resources:\n  X:\n    Type: AWS::IAM::AccessKey\n    Properties:\n      UserName: alice\n",
    { name: "status from parameter default", template: "Parameters:\n  P:\n    Type: String\n    Default: 'Active'\nResources:\n  X:\n    Type: AWS::IAM::AccessKey\n    Properties:\n      UserName: alice\n      Status: !Ref P\n" },
  ],
  unknown: [
    { name: "status parameter without default", template: "Parameters:\n  P: { Type: String }\nResources:\n  X:\n    Type: AWS::IAM::AccessKey\n    Properties:\n      UserName: alice\n      Status: !Ref P\n" },
  ],
});
