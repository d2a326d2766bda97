import control from '../../../src/controls/authentication/cognitoThreatProtection.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  X:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      UserPoolAddOns: { AdvancedSecurityMode: ENFORCED }\n",
  ],
  fail: [
    "Resources:\n  X:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      UserPoolAddOns: { AdvancedSecurityMode: AUDIT }\n",
    "Resources:\n  X:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      UserPoolName: p\n",
  ],
});
