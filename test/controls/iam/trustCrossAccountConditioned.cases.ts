import control from '../../../src/controls/iam/trustCrossAccountConditioned.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { AWS: arn:aws:iam::123456789012:root }\n            Action: sts:AssumeRole\n            Condition: { StringEquals: { sts:ExternalId: abc } }\n",
    "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { AWS: !Sub 'arn:aws:iam::${AWS::AccountId}:root' }\n            Action: sts:AssumeRole\n",
    "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { Service: ecs-tasks.amazonaws.com }\n            Action: sts:AssumeRole\n",
  ],
  fail: [
    "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { AWS: arn:aws:iam::123456789012:root }\n            Action: sts:AssumeRole\n",
    "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { AWS: ['210987654321'] }\n            Action: sts:AssumeRole\n",
    { name: "account from parameter default", template: "Parameters:\n  P:\n    Type: String\n    Default: '111122223333'\nResources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { AWS: !Sub 'arn:aws:iam::${P}:role/deployer' }\n            Action: sts:AssumeRole\n" },
  ],
  unknown: [
    { name: "account from parameter without default", template: "Parameters:\n  P: { Type: String }\nResources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { AWS: !Ref P }\n            Action: sts:AssumeRole\n" },
  ],
});
