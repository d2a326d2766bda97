import control from '../../../src/controls/iam/roleSessionDuration.js';
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
            Principal: { Service: ec2.amazonaws.com }
            Action: sts:AssumeRole`,
    `Resources:
  X:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [] }
      MaxSessionDuration: 3600`,
  ],
  fail: [
    `Resources:
  X:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [] }
      MaxSessionDuration: 43200`,
    { name: 'parameter default', template: `Parameters:
  P:
    Type: String
    Default: '7200'
Resources:
  X:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [] }
      MaxSessionDuration: !Ref P` },
  ],
  unknown: [
    { name: 'parameter without default', template: `Parameters:
  P: { Type: String }
Resources:
  X:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [] }
      MaxSessionDuration: !Ref P` },
  ],
});
