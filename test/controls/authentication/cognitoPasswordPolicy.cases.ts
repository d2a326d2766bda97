import control from '../../../src/controls/authentication/cognitoPasswordPolicy.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  X:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      Policies:\n        PasswordPolicy: { MinimumLength: 14, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true }\n",
    { name: "length from parameter default", template: "Parameters:\n  P:\n    Type: String\n    Default: '12'\nResources:\n  X:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      Policies:\n        PasswordPolicy: { MinimumLength: !Ref P, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: 'true' }\n" },
  ],
  fail: [
    "Resources:\n  X:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      UserPoolName: p\n",
    "Resources:\n  X:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      Policies:\n        PasswordPolicy: { MinimumLength: 16 }\n",
  ],
  unknown: [
    { name: "length from parameter without default", template: "Parameters:\n  P: { Type: String }\nResources:\n  X:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      Policies:\n        PasswordPolicy: { MinimumLength: !Ref P, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true }\n" },
  ],
});
