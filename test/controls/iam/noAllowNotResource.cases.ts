import control from '../../../src/controls/iam/noAllowNotResource.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { Service: lambda.amazonaws.com }\n            Action: sts:AssumeRole\n      Policies:\n        - PolicyName: p\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Action: s3:GetObject\n                Resource: arn:aws:s3:::b/*\n",
  ],
  fail: [
    "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { Service: lambda.amazonaws.com }\n            Action: sts:AssumeRole\n      Policies:\n        - PolicyName: p\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Action: s3:DeleteObject\n                NotResource: arn:aws:s3:::logs/*\n",
    "Resources:\n  X:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyName: p\n      Groups: [g]\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: ec2:TerminateInstances\n            NotResource: arn:aws:ec2:*:*:instance/i-1\n",
  ],
});
