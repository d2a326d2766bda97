import control from '../../../src/controls/authentication/cognitoMfaRequired.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  X:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: 'ON'\n      EnabledMfas: [SOFTWARE_TOKEN_MFA]\n",
  ],
  fail: [
    "Resources:\n  X:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: OPTIONAL\n",
    "Resources:\n  X:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      UserPoolName: p\n",
  ],
  unknown: [
    { name: "condition picks ON or OFF", template: "Parameters:\n  Env: { Type: String }\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\nResources:\n  X:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: !If [IsProd, 'ON', 'OFF']\n" },
  ],
});
