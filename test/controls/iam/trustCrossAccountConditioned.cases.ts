import control from '../../../src/controls/iam/trustCrossAccountConditioned.js';
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
            Principal: { AWS: arn:aws:iam::123456789012:root }
            Action: sts:AssumeRole
            Condition: { StringEquals: { sts:ExternalId: abc } }`,
    `Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { AWS: !Sub 'arn:aws:iam::\${AWS::AccountId}:root' }
            Action: sts:AssumeRole`,
    `Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: ecs-tasks.amazonaws.com }
            Action: sts:AssumeRole`,
  ],
  fail: [
    `Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { AWS: arn:aws:iam::123456789012:root }
            Action: sts:AssumeRole`,
    `Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { AWS: ['210987654321'] }
            Action: sts:AssumeRole`,
    { name: 'account from parameter default', template: `Parameters:
  P:
    Type: String
    Default: '111122223333'
Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { AWS: !Sub 'arn:aws:iam::\${P}:role/deployer' }
            Action: sts:AssumeRole` },
  ],
  unknown: [
    { name: 'account from parameter without default', template: `Parameters:
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
