import control from '../../../src/controls/iam/noAdminStatements.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { Service: lambda.amazonaws.com }\n            Action: sts:AssumeRole\n      Policies:\n        - PolicyName: p\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Action: s3:GetObject\n                Resource: arn:aws:s3:::b/*\n",
    "Resources:\n  X:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Deny\n            Action: '*'\n            Resource: '*'\n",
    { name: "SAM function inline policy", template: "Resources:\n  X:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.h\n      Runtime: python3.12\n      CodeUri: .\n      Policies:\n        - AWSLambdaBasicExecutionRole\n        - Statement:\n            - Effect: Allow\n              Action: [sqs:SendMessage]\n              Resource: '*'\n" },
  ],
  fail: [
    "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { Service: lambda.amazonaws.com }\n            Action: sts:AssumeRole\n      Policies:\n        - PolicyName: p\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Action: '*'\n                Resource: '*'\n",
    "Resources:\n  X:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyName: p\n      Roles: [r]\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: ['*']\n            Resource: ['*']\n",
    { name: "SAM single inline document", template: "Resources:\n  X:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.h\n      Runtime: python3.12\n      CodeUri: .\n      Policies:\n        Statement:\n          - Effect: Allow\n            Action: '*'\n            Resource: '*'\n" },
    { name: "action from parameter default", template: "Parameters:\n  P:\n    Type: String\n    Default: '*'\nResources:\n  X:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: !Ref P\n            Resource: '*'\n" },
  ],
  unknown: [
    { name: "action from parameter without default", template: "Parameters:\n  P: { Type: String }\nResources:\n  X:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: !Ref P\n            Resource: '*'\n" },
  ],
  not_applicable: [
    "Resources:\n  X:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { Service: ec2.amazonaws.com }\n            Action: sts:AssumeRole\n      ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]\n",
  ],
});
