import control from '../../../src/controls/audit/guardDutyS3Protection.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    { name: 'not declared: a new detector enables S3 protection by default (CreateDetector)', template: `Resources:
  Detector: # <--
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: true` },
    tf(`resource "aws_guardduty_detector" "main" { # <--
  enable = true
}
`, { name: 'not declared: a new detector enables S3 protection by default' }),
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
    tf(`resource "aws_guardduty_detector" "main" {
  enable = true
}

resource "aws_guardduty_detector_feature" "s3" {
  detector_id = aws_guardduty_detector.main.id
  name        = "S3_DATA_EVENTS"
  status      = "ENABLED" # <--
}
`, { name: 'aws_guardduty_detector_feature S3_DATA_EVENTS ENABLED' }),
    tf(`resource "aws_guardduty_detector" "main" {
  enable = true

  datasources {
    s3_logs {
      enable = true # <--
    }
  }
}
`, { name: 'datasources.s3_logs.enable = true (provider v4/v5)' }),
  ],
  fail: [
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
    tf(`resource "aws_guardduty_detector" "main" {
  enable = true
}

resource "aws_guardduty_detector_feature" "s3" {
  detector_id = aws_guardduty_detector.main.id
  name        = "S3_DATA_EVENTS"
  status      = "DISABLED" # <--
}
`, { name: 'S3_DATA_EVENTS feature DISABLED' }),
    tf(`resource "aws_guardduty_detector" "main" {
  enable = true

  datasources {
    s3_logs {
      enable = false # <--
    }
  }
}
`, { name: 'datasources.s3_logs.enable = false' }),
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
    tf(`variable "s3_protection" {
  type = string
}

resource "aws_guardduty_detector" "main" {
  enable = true
}

resource "aws_guardduty_detector_feature" "s3" {
  detector_id = aws_guardduty_detector.main.id
  name        = "S3_DATA_EVENTS"
  status      = var.s3_protection # <--
}
`, { name: 'feature status from a variable without a value' }),
  ],
  not_applicable: [
    { name: 'detector disabled (AT-GD-001 fails it)', template: `Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: false` },
  ],
});
