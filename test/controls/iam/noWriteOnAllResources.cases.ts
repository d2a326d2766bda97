import control from '../../../src/controls/iam/noWriteOnAllResources.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { Service: lambda.amazonaws.com }\n            Action: sts:AssumeRole\n      Policies:\n        - PolicyName: p\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Action: [dynamodb:PutItem, dynamodb:GetItem]\n                Resource: !GetAtt T.Arn\n  T:\n    Type: AWS::DynamoDB::Table\n    Properties: {}",
    "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { Service: lambda.amazonaws.com }\n            Action: sts:AssumeRole\n      Policies:\n        - PolicyName: p\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Action: [ec2:DescribeInstances, xray:PutTraceSegments, cloudwatch:PutMetricData]\n                Resource: '*'\n",
  ],
  fail: [
    "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { Service: lambda.amazonaws.com }\n            Action: sts:AssumeRole\n      Policies:\n        - PolicyName: p\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Action: [s3:PutObject, s3:GetObject]\n                Resource: '*'\n",
    "Resources:\n  X:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyName: p\n      Roles: [r]\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: iam:AttachRolePolicy\n            Resource: '*'\n",
  ],
  unknown: [
    { name: "resource from parameter without default", template: "Parameters:\n  P: { Type: String }\nResources:\n  X:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: sqs:DeleteQueue\n            Resource: !Ref P\n" },
  ],
});
