import control from '../../../src/controls/iam/trustFederatedConditioned.js';
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
            Principal: { Federated: !Sub 'arn:aws:iam::\${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com' }
            Action: sts:AssumeRoleWithWebIdentity
            Condition:
              StringEquals: { token.actions.githubusercontent.com:aud: sts.amazonaws.com }
              StringLike: { token.actions.githubusercontent.com:sub: 'repo:org/app:*' }`,
    `Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Federated: cognito-identity.amazonaws.com }
            Action: sts:AssumeRoleWithWebIdentity
            Condition: { StringEquals: { cognito-identity.amazonaws.com:aud: us-east-1:1234 } }`,
  ],
  fail: [
    `Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Federated: arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com }
            Action: sts:AssumeRoleWithWebIdentity
            Condition: { StringEquals: { token.actions.githubusercontent.com:aud: sts.amazonaws.com } }`,
    `Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Federated: arn:aws:iam::123456789012:saml-provider/Okta }
            Action: sts:AssumeRoleWithSAML`,
    `Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Federated: cognito-identity.amazonaws.com }
            Action: sts:AssumeRoleWithWebIdentity`,
  ],
  unknown: [
    { name: 'provider from parameter without default', template: `Parameters:
  P: { Type: String }
Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Federated: !Ref P }
            Action: sts:AssumeRoleWithWebIdentity` },
  ],
  not_applicable: [
    `Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole`,
  ],
});
