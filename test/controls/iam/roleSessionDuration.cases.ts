import control from '../../../src/controls/iam/roleSessionDuration.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { Service: ec2.amazonaws.com }\n            Action: sts:AssumeRole\n",
    "Resources:\n  X:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: { Statement: [] }\n      MaxSessionDuration: 3600\n",
  ],
  fail: [
    "Resources:\n  X:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: { Statement: [] }\n      MaxSessionDuration: 43200\n",
    { name: "parameter default", template: "Parameters:\n  P:\n    Type: String\n    Default: '7200'\nResources:\n  X:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: { Statement: [] }\n      MaxSessionDuration: !Ref P\n" },
  ],
  unknown: [
    { name: "parameter without default", template: "Parameters:\n  P: { Type: String }\nResources:\n  X:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: { Statement: [] }\n      MaxSessionDuration: !Ref P\n" },
  ],
});
