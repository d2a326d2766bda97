import control from '../../../src/controls/iam/trustNoWildcardPrincipal.js';
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
            Action: sts:AssumeRole`,
    `Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { AWS: '*' }
            Action: sts:AssumeRole
            Condition: { StringEquals: { aws:PrincipalOrgID: o-abc123 } }`,
    { name: 'own account via Join', template: `Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { AWS: !Join ['', ['arn:aws:iam::', !Ref 'AWS::AccountId', ':root']] }
            Action: sts:AssumeRole` },
  ],
  fail: [
    `Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: '*'
            Action: sts:AssumeRole`,
    `Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { AWS: ['*'] }
            Action: sts:AssumeRole
            Condition: { Bool: { aws:SecureTransport: true } }`,
    `Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            NotPrincipal: { AWS: arn:aws:iam::123456789012:root }
            Action: sts:AssumeRole`,
  ],
  unknown: [
    { name: 'principal from parameter without default', template: `Parameters:
  P: { Type: String }
Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { AWS: !Ref P }
            Action: sts:AssumeRole` },
  ],
});
