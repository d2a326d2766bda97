import control from '../../../src/controls/audit/securityHubStandards.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Hub: # <--
    Type: AWS::SecurityHub::Hub
    Properties: {}`,
    { name: 'defaults off, standard declared', template: `Resources:
  Hub:
    Type: AWS::SecurityHub::Hub
    Properties:
      EnableDefaultStandards: false
  Fsbp:
    Type: AWS::SecurityHub::Standard
    DependsOn: Hub
    Properties:
      StandardsArn: !Sub arn:aws:securityhub:\${AWS::Region}::standards/aws-foundational-security-best-practices/v/1.0.0 # <--` },
    tf(`resource "aws_securityhub_account" "main" {} # <--
`, { name: 'default standards by default' }),
    tf(`data "aws_region" "current" {}

resource "aws_securityhub_account" "main" {
  enable_default_standards = false
}

resource "aws_securityhub_standards_subscription" "cis" {
  depends_on    = [aws_securityhub_account.main]
  standards_arn = "arn:aws:securityhub:\${data.aws_region.current.name}::standards/cis-aws-foundations-benchmark/v/1.4.0" # <--
}
`, { name: 'defaults off, CIS subscribed' }),
  ],
  fail: [
    `Resources:
  Hub:
    Type: AWS::SecurityHub::Hub
    Properties:
      EnableDefaultStandards: false # <--`,
    tf(`resource "aws_securityhub_account" "main" {
  enable_default_standards = false # <--
}
`),
  ],
  unknown: [
    tf(`variable "default_standards" {
  type = bool
}

resource "aws_securityhub_account" "main" {
  enable_default_standards = var.default_standards # <--
}
`),
  ],
});
