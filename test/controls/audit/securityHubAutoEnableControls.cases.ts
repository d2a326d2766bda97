import control from '../../../src/controls/audit/securityHubAutoEnableControls.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Hub: # <--
    Type: AWS::SecurityHub::Hub`,
    tf(`resource "aws_securityhub_account" "main" {} # <--
`, { name: 'controls enabled automatically by default' }),
    tf(`resource "aws_securityhub_account" "main" {
  enable_default_standards = true
  auto_enable_controls     = true # <--
}
`),
  ],
  fail: [
    `Resources:
  Hub:
    Type: AWS::SecurityHub::Hub
    Properties:
      AutoEnableControls: "false" # <--`,
    tf(`resource "aws_securityhub_account" "main" {
  auto_enable_controls      = false # <--
  control_finding_generator = "SECURITY_CONTROL"
}
`),
  ],
  unknown: [
    tf(`variable "auto_enable_controls" {
  type = bool
}

resource "aws_securityhub_account" "main" {
  auto_enable_controls = var.auto_enable_controls # <--
}
`),
  ],
});
