import control from '../../../src/controls/iam/passRoleScoped.js';
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
                Action: iam:PassRole
                Resource: !GetAtt Other.Arn
                Condition: { StringEquals: { iam:PassedToService: lambda.amazonaws.com } }
  Other:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [] }`,
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
                Action: iam:PassRole
                Resource: '*'`,
    `Resources:
  X:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: iam:*
            Resource: arn:aws:iam::123456789012:role/*`,
  ],
  unknown: [
    { name: 'roles from a parameter without default', template: `Parameters:
  P: { Type: String }
Resources:
  X:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: iam:PassRole
            Resource: !Ref P` },
  ],
});
