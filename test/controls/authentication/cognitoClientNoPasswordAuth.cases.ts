import control from '../../../src/controls/authentication/cognitoClientNoPasswordAuth.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  X:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: p\n      ExplicitAuthFlows: [ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]\n",
    "Resources:\n  X:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: p\n",
  ],
  fail: [
    "Resources:\n  X:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: p\n      ExplicitAuthFlows: [ALLOW_USER_PASSWORD_AUTH, ALLOW_REFRESH_TOKEN_AUTH]\n",
    "Resources:\n  X:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: p\n      ExplicitAuthFlows: [ADMIN_NO_SRP_AUTH]\n",
  ],
});
