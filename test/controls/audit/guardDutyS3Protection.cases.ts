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
          Status: ENABLED # <--`,
    `Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: true
      DataSources:
        S3Logs:
          Enable: true # <--`,
    { name: 'the S3 entry decides where it sits in the list', template: `Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: true
      Features:
        - Name: EKS_AUDIT_LOGS
          Status: DISABLED
        - Name: S3_DATA_EVENTS
          Status: ENABLED # <--` },
  ],
  fail: [
    `Resources:
  Detector: # <--
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: true`,
    `Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: true
      Features:
        - Name: RDS_LOGIN_EVENTS
          Status: ENABLED
        - Name: S3_DATA_EVENTS
          Status: DISABLED # <--`,
  ],
  unknown: [
    { name: 'the status from a parameter', template: `Parameters:
  S3Status: { Type: String }
Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: true
      Features:
        - Name: S3_DATA_EVENTS
          Status: !Ref S3Status # <--` },
  ],
});
