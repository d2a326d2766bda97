import control from '../../../src/controls/iam/trustFederatedConditioned.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { Federated: !Sub 'arn:aws:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com' }\n            Action: sts:AssumeRoleWithWebIdentity\n            Condition:\n              StringEquals: { token.actions.githubusercontent.com:aud: sts.amazonaws.com }\n              StringLike: { token.actions.githubusercontent.com:sub: 'repo:org/app:*' }\n",
    "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { Federated: cognito-identity.amazonaws.com }\n            Action: sts:AssumeRoleWithWebIdentity\n            Condition: { StringEquals: { cognito-identity.amazonaws.com:aud: us-east-1:1234 } }\n",
  ],
  fail: [
    "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { Federated: arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com }\n            Action: sts:AssumeRoleWithWebIdentity\n            Condition: { StringEquals: { token.actions.githubusercontent.com:aud: sts.amazonaws.com } }\n",
    "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { Federated: arn:aws:iam::123456789012:saml-provider/Okta }\n            Action: sts:AssumeRoleWithSAML\n",
    "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { Federated: cognito-identity.amazonaws.com }\n            Action: sts:AssumeRoleWithWebIdentity\n",
  ],
  unknown: [
    { name: "provider from parameter without default", template: "Parameters:\n  P: { Type: String }\nResources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { Federated: !Ref P }\n            Action: sts:AssumeRoleWithWebIdentity\n" },
  ],
  not_applicable: [
    "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { Service: lambda.amazonaws.com }\n            Action: sts:AssumeRole\n",
  ],
});
