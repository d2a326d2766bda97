import control from '../../../src/controls/authentication/cognitoClientTokenValidity.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  X:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: p\n",
    "Resources:\n  X:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: p\n      AccessTokenValidity: 30\n      IdTokenValidity: 30\n      RefreshTokenValidity: 24\n      TokenValidityUnits: { AccessToken: minutes, IdToken: minutes, RefreshToken: hours }\n",
  ],
  fail: [
    "Resources:\n  X:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: p\n      AccessTokenValidity: 24\n",
    "Resources:\n  X:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: p\n      RefreshTokenValidity: 90\n",
    "Resources:\n  X:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: p\n      IdTokenValidity: 120\n      TokenValidityUnits: { IdToken: minutes }\n",
  ],
  unknown: [
    { name: 'a unit Cognito does not define is not read as hours', template: "Resources:\n  X:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: p\n      AccessTokenValidity: 1\n      TokenValidityUnits: { AccessToken: weeks }\n" },
    { name: "validity from parameter without default", template: "Parameters:\n  P: { Type: String }\nResources:\n  X:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: p\n      AccessTokenValidity: !Ref P\n" },
  ],
});
