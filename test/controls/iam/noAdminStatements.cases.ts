import control from '../../../src/controls/iam/noAdminStatements.js';
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
                Action: s3:GetObject
                Resource: arn:aws:s3:::b/*`,
    `Resources:
  X:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Deny
            Action: '*'
            Resource: '*'`,
    { name: 'SAM function inline policy', template: `Resources:
  X:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.h
      Runtime: python3.12
      CodeUri: .
      Policies:
        - AWSLambdaBasicExecutionRole
        - Statement:
            - Effect: Allow
              Action: [sqs:SendMessage]
              Resource: '*'` },
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
                Action: '*'
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
            Action: ['*']
            Resource: ['*']`,
    { name: 'SAM single inline document', template: `Resources:
  X:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.h
      Runtime: python3.12
      CodeUri: .
      Policies:
        Statement:
          - Effect: Allow
            Action: '*'
            Resource: '*'` },
    { name: 'action from parameter default', template: `Parameters:
  P:
    Type: String
    Default: '*'
Resources:
  X:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: !Ref P
            Resource: '*'` },
  ],
  unknown: [
    { name: 'action from parameter without default', template: `Parameters:
  P: { Type: String }
Resources:
  X:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: !Ref P
            Resource: '*'` },
  ],
  not_applicable: [
    `Resources:
  X:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: ec2.amazonaws.com }
            Action: sts:AssumeRole
      ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]`,
  ],
});
