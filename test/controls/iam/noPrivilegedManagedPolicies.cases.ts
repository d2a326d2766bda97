import control from '../../../src/controls/iam/noPrivilegedManagedPolicies.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  X:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [] }
      ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]`,
    `Resources:
  X:
    Type: AWS::IAM::Group
    Properties:
      GroupName: g`,
  ],
  fail: [
    `Resources:
  X:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [] }
      ManagedPolicyArns: [!Sub 'arn:\${AWS::Partition}:iam::aws:policy/AdministratorAccess']`,
    `Resources:
  X:
    Type: AWS::IAM::User
    Properties:
      ManagedPolicyArns: [arn:aws:iam::aws:policy/IAMFullAccess]`,
    { name: 'SAM policy by name', template: `Resources:
  X:
    Type: AWS::Serverless::Function
    Properties:
      Handler: i.h
      Runtime: nodejs20.x
      CodeUri: .
      Policies: [PowerUserAccess]` },
    { name: 'parameter default', template: `Parameters:
  P:
    Type: String
    Default: 'arn:aws:iam::aws:policy/AdministratorAccess'
Resources:
  X:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [] }
      ManagedPolicyArns: [!Ref P]` },
  ],
  unknown: [
    { name: 'parameter without default', template: `Parameters:
  P: { Type: String }
Resources:
  X:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [] }
      ManagedPolicyArns: [!Ref P]` },
  ],
});
