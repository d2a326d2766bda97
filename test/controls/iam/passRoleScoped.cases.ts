import control from '../../../src/controls/iam/passRoleScoped.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { Service: lambda.amazonaws.com }\n            Action: sts:AssumeRole\n      Policies:\n        - PolicyName: p\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Action: iam:PassRole\n                Resource: !GetAtt Other.Arn\n                Condition: { StringEquals: { iam:PassedToService: lambda.amazonaws.com } }\n  Other:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: { Statement: [] }",
    "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { Service: lambda.amazonaws.com }\n            Action: sts:AssumeRole\n      Policies:\n        - PolicyName: p\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Action: s3:GetObject\n                Resource: '*'\n",
  ],
  fail: [
    "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { Service: lambda.amazonaws.com }\n            Action: sts:AssumeRole\n      Policies:\n        - PolicyName: p\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Action: iam:PassRole\n                Resource: '*'\n",
    "Resources:\n  X:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: iam:*\n            Resource: arn:aws:iam::123456789012:role/*\n",
  ],
  unknown: [
    { name: "roles from a parameter without default", template: "Parameters:\n  P: { Type: String }\nResources:\n  X:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: iam:PassRole\n            Resource: !Ref P\n" },
  ],
});
