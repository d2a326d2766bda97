import control from '../../../src/controls/authorization/cognitoIdentityPoolNoClassicFlow.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  X:\n    Type: AWS::Cognito::IdentityPool\n    Properties:\n      AllowUnauthenticatedIdentities: false\n",
  ],
  fail: [
    "Resources:\n  X:\n    Type: AWS::Cognito::IdentityPool\n    Properties:\n      AllowUnauthenticatedIdentities: false\n      AllowClassicFlow: true\n",
  ],
});
