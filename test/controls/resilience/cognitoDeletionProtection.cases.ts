import control from '../../../src/controls/resilience/cognitoDeletionProtection.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  X:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      DeletionProtection: ACTIVE\n",
  ],
  fail: [
    "Resources:\n  X:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      UserPoolName: p\n",
    "Resources:\n  X:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      DeletionProtection: INACTIVE\n",
  ],
  unknown: [
    { name: "parameter without default", template: "Parameters:\n  P: { Type: String }\nResources:\n  X:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      DeletionProtection: !Ref P\n" },
  ],
});
