import control from '../../../src/controls/authentication/cognitoClientTokenRevocation.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  X:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: p\n",
    "Resources:\n  X:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: p\n      EnableTokenRevocation: true\n",
  ],
  fail: [
    "Resources:\n  X:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: p\n      EnableTokenRevocation: false\n",
  ],
});
