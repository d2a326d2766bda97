import control from '../../../src/controls/iam/noPrivilegedManagedPolicies.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  X:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: { Statement: [] }\n      ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]\n",
    "Resources:\n  X:\n    Type: AWS::IAM::Group\n    Properties:\n      GroupName: g\n",
  ],
  fail: [
    "Resources:\n  X:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: { Statement: [] }\n      ManagedPolicyArns: [!Sub 'arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess']\n",
    "Resources:\n  X:\n    Type: AWS::IAM::User\n    Properties:\n      ManagedPolicyArns: [arn:aws:iam::aws:policy/IAMFullAccess]\n",
    { name: "SAM policy by name", template: "Resources:\n  X:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: i.h\n      Runtime: nodejs20.x\n      CodeUri: .\n      Policies: [PowerUserAccess]\n" },
    { name: "parameter default", template: "Parameters:\n  P:\n    Type: String\n    Default: 'arn:aws:iam::aws:policy/AdministratorAccess'\nResources:\n  X:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: { Statement: [] }\n      ManagedPolicyArns: [!Ref P]\n" },
  ],
  unknown: [
    { name: "parameter without default", template: "Parameters:\n  P: { Type: String }\nResources:\n  X:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: { Statement: [] }\n      ManagedPolicyArns: [!Ref P]\n" },
  ],
});
