import control from '../../../src/controls/iam/noAllowNotResource.js';
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
                Action: s3:DeleteObject
                NotResource: arn:aws:s3:::logs/*`,
    `Resources:
  X:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: p
      Groups: [g]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: ec2:TerminateInstances
            NotResource: arn:aws:ec2:*:*:instance/i-1`,
  ],
});
