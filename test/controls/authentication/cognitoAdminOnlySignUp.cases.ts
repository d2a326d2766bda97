import control from '../../../src/controls/authentication/cognitoAdminOnlySignUp.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  X:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true }\n",
  ],
  fail: [
    "Resources:\n  X:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      UserPoolName: p\n",
    "Resources:\n  X:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false }\n",
  ],
});
