import control from '../../../src/controls/iam/usersHaveNoPolicies.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  X:
    Type: AWS::IAM::User
    Properties:
      Groups: [devs]`,
    `Resources:
  X:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: p
      Groups: [devs]
      Users: []
      PolicyDocument: { Statement: [] }`,
  ],
  fail: [
    `Resources:
  X:
    Type: AWS::IAM::User
    Properties:
      Policies:
        - PolicyName: p
          PolicyDocument: { Statement: [] }`,
    `Resources:
  X:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      Users: [alice]
      PolicyDocument: { Statement: [] }`,
    `Resources:
  X:
    Type: AWS::IAM::UserPolicy
    Properties:
      UserName: alice
      PolicyName: p
      PolicyDocument: { Statement: [] }`,
  ],
  not_applicable: [
    `Resources:
  X:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: p
      Roles: [r]
      PolicyDocument: { Statement: [] }`,
  ],
});
