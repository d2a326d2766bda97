import control from '../../../src/controls/data-protection/kmsKeyDeletionWindow.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n",
    "Resources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      PendingWindowInDays: 14\n",
  ],
  fail: [
    "Resources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      PendingWindowInDays: 7\n",
    { name: "parameter default", template: "Parameters:\n  P:\n    Type: String\n    Default: '10'\nResources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      PendingWindowInDays: !Ref P\n" },
  ],
  unknown: [
    { name: "parameter with allowed values on both sides", template: "Parameters:\n  P: { Type: Number, AllowedValues: [7, 30] }\nResources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      PendingWindowInDays: !Ref P\n" },
  ],
});
