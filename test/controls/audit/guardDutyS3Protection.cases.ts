import control from '../../../src/controls/audit/guardDutyS3Protection.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: true
      Features:
        - Name: S3_DATA_EVENTS
          Status: ENABLED`,
    `Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: true
      DataSources:
        S3Logs:
          Enable: true`,
  ],
  fail: [
    `Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: true`,
    `Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: true
      Features:
        - Name: S3_DATA_EVENTS
          Status: DISABLED`,
  ],
});
