import control from '../../../src/controls/iam/noWriteOnAllResources.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: [dynamodb:PutItem, dynamodb:GetItem]
                Resource: !GetAtt T.Arn
  T:
    Type: AWS::DynamoDB::Table
    Properties: {}`,
    `Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: [ec2:DescribeInstances, xray:PutTraceSegments, cloudwatch:PutMetricData]
                Resource: '*'`,
  ],
  fail: [
    `Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: [s3:PutObject, s3:GetObject]
                Resource: '*'`,
    `Resources:
  X:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: p
      Roles: [r]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: iam:AttachRolePolicy
            Resource: '*'`,
  ],
  unknown: [
    { name: 'resource from parameter without default', template: `Parameters:
  P: { Type: String }
Resources:
  X:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: sqs:DeleteQueue
            Resource: !Ref P` },
  ],
});
