import control from '../../../src/controls/iam/usersHaveNoPolicies.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  X:\n    Type: AWS::IAM::User\n    Properties:\n      Groups: [devs]\n",
    "Resources:\n  X:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyName: p\n      Groups: [devs]\n      Users: []\n      PolicyDocument: { Statement: [] }\n",
  ],
  fail: [
    "Resources:\n  X:\n    Type: AWS::IAM::User\n    Properties:\n      Policies:\n        - PolicyName: p\n          PolicyDocument: { Statement: [] }\n",
    "Resources:\n  X:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      Users: [alice]\n      PolicyDocument: { Statement: [] }\n",
    "Resources:\n  X:\n    Type: AWS::IAM::UserPolicy\n    Properties:\n      UserName: alice\n      PolicyName: p\n      PolicyDocument: { Statement: [] }\n",
  ],
  not_applicable: [
    "Resources:\n  X:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyName: p\n      Roles: [r]\n      PolicyDocument: { Statement: [] }\n",
  ],
});
