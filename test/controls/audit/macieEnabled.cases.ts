import control from '../../../src/controls/audit/macieEnabled.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Macie:
    Type: AWS::Macie::Session
    Properties:
      Status: ENABLED # <--
      FindingPublishingFrequency: FIFTEEN_MINUTES
`,
    { name: 'status left to its default', template: `Resources:
  Macie: # <--
    Type: AWS::Macie::Session
` },
    tf(`resource "aws_macie2_account" "this" {
  finding_publishing_frequency = "FIFTEEN_MINUTES"
  status                       = "ENABLED" # <--
}
`, { name: 'status ENABLED' }),
  ],
  fail: [
    `Resources:
  Macie:
    Type: AWS::Macie::Session
    Properties:
      Status: PAUSED # <--
`,
    tf(`resource "aws_macie2_account" "this" {
  status = "PAUSED" # <--
}
`, { name: 'status PAUSED' }),
  ],
  unknown: [
    { name: 'status from a parameter', template: `Parameters:
  Status: { Type: String }
Resources:
  Macie:
    Type: AWS::Macie::Session
    Properties:
      Status: !Ref Status # <--
` },
  ],
});
