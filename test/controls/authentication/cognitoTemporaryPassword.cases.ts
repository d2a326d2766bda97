import control from '../../../src/controls/authentication/cognitoTemporaryPassword.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  X:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      UserPoolName: p\n",
    "Resources:\n  X:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      Policies:\n        PasswordPolicy: { TemporaryPasswordValidityDays: 3 }\n",
  ],
  fail: [
    "Resources:\n  X:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      Policies:\n        PasswordPolicy: { TemporaryPasswordValidityDays: 30 }\n",
  ],
});
