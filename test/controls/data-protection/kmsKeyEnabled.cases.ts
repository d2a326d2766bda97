import control from '../../../src/controls/data-protection/kmsKeyEnabled.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      Enabled: true\n",
    "Resources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      Description: k\n",
  ],
  fail: [
    "Resources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      Enabled: false\n",
    "Resources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      Enabled: 'false'\n",
  ],
});
