import control from '../../../src/controls/authentication/cognitoClientNoImplicitFlow.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  X:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: p\n      AllowedOAuthFlows: [code]\n",
    "Resources:\n  X:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: p\n",
  ],
  fail: [
    "Resources:\n  X:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: p\n      AllowedOAuthFlows: [code, implicit]\n",
  ],
  unknown: [
    { name: "flow from parameter without default", template: "Parameters:\n  P: { Type: String }\nResources:\n  X:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: p\n      AllowedOAuthFlows: [!Ref P]\n" },
  ],
});
