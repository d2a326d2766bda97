import control from '../../../src/controls/audit/securityHubStandards.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Hub:
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
      StandardsArn: !Sub arn:aws:securityhub:\${AWS::Region}::standards/aws-foundational-security-best-practices/v/1.0.0` },
  ],
  fail: [
    `Resources:
  Hub:
    Type: AWS::SecurityHub::Hub
    Properties:
      EnableDefaultStandards: false`,
  ],
});
