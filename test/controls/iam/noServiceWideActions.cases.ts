import control from '../../../src/controls/iam/noServiceWideActions.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { Service: lambda.amazonaws.com }\n            Action: sts:AssumeRole\n      Policies:\n        - PolicyName: p\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Action: [s3:GetObject, s3:PutObject]\n                Resource: arn:aws:s3:::b/*\n",
    "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { Service: lambda.amazonaws.com }\n            Action: sts:AssumeRole\n      Policies:\n        - PolicyName: p\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Action: s3:Get*\n                Resource: '*'\n",
  ],
  fail: [
    "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { Service: lambda.amazonaws.com }\n            Action: sts:AssumeRole\n      Policies:\n        - PolicyName: p\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Action: s3:*\n                Resource: arn:aws:s3:::b/*\n",
    "{\"Resources\":{\"G\":{\"Type\":\"AWS::IAM::Group\",\"Properties\":{\"Policies\":[{\"PolicyName\":\"p\",\"PolicyDocument\":{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"dynamodb:*\"],\"Resource\":\"*\"}]}}]}}}}",
  ],
  unknown: [
    { name: "Fn::If between a specific and a service-wide action", template: "Parameters:\n  Env: { Type: String }\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\nResources:\n  X:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: !If [IsProd, s3:GetObject, s3:*]\n            Resource: '*'\n" },
  ],
});
