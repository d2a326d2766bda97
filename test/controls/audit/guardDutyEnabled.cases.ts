import control from '../../../src/controls/audit/guardDutyEnabled.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: true`,
  ],
  fail: [
    `Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: false`,
  ],
  unknown: [
    `Parameters:
  On: { Type: String }
Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: !Ref On`,
  ],
});
