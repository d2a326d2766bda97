import control from '../../../src/controls/audit/guardDutyEnabled.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: true # <--`,
    tf(`resource "aws_guardduty_detector" "main" { # <--
  finding_publishing_frequency = "FIFTEEN_MINUTES"
}
`, { name: 'enabled by default' }),
    tf(`resource "aws_guardduty_detector" "main" {
  enable = true # <--
}
`),
  ],
  fail: [
    `Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: false # <--`,
    tf(`resource "aws_guardduty_detector" "main" {
  enable = false # <--
}
`),
  ],
  unknown: [
    `Parameters:
  On: { Type: String }
Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: !Ref On # <--`,
    tf(`variable "guardduty_enabled" {
  type = bool
}

resource "aws_guardduty_detector" "main" {
  enable = var.guardduty_enabled # <--
}
`),
  ],
});
