import control from '../../../src/controls/iam/trustNoWildcardPrincipal.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { Service: lambda.amazonaws.com }\n            Action: sts:AssumeRole\n",
    "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { AWS: '*' }\n            Action: sts:AssumeRole\n            Condition: { StringEquals: { aws:PrincipalOrgID: o-abc123 } }\n",
    { name: "own account via Join", template: "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { AWS: !Join ['', ['arn:aws:iam::', !Ref 'AWS::AccountId', ':root']] }\n            Action: sts:AssumeRole\n" },
  ],
  fail: [
    "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: '*'\n            Action: sts:AssumeRole\n",
    "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { AWS: ['*'] }\n            Action: sts:AssumeRole\n            Condition: { Bool: { aws:SecureTransport: true } }\n",
    "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            NotPrincipal: { AWS: arn:aws:iam::123456789012:root }\n            Action: sts:AssumeRole\n",
  ],
  unknown: [
    { name: "principal from parameter without default", template: "Parameters:\n  P: { Type: String }\nResources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { AWS: !Ref P }\n            Action: sts:AssumeRole\n" },
  ],
});
