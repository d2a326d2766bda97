import control from '../../../src/controls/authorization/cognitoIdentityPoolNoGuests.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  X:\n    Type: AWS::Cognito::IdentityPool\n    Properties:\n      AllowUnauthenticatedIdentities: false\n",
  ],
  fail: [
    "Resources:\n  X:\n    Type: AWS::Cognito::IdentityPool\n    Properties:\n      AllowUnauthenticatedIdentities: true\n",
    { name: "parameter default", template: "Parameters:\n  P:\n    Type: String\n    Default: 'true'\nResources:\n  X:\n    Type: AWS::Cognito::IdentityPool\n    Properties:\n      AllowUnauthenticatedIdentities: !Ref P\n" },
  ],
  unknown: [
    { name: "parameter without default", template: "Parameters:\n  P: { Type: String }\nResources:\n  X:\n    Type: AWS::Cognito::IdentityPool\n    Properties:\n      AllowUnauthenticatedIdentities: !Ref P\n" },
  ],
});
