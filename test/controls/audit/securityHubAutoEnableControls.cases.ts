import control from '../../../src/controls/audit/securityHubAutoEnableControls.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Hub:
    Type: AWS::SecurityHub::Hub`,
  ],
  fail: [
    `Resources:
  Hub:
    Type: AWS::SecurityHub::Hub
    Properties:
      AutoEnableControls: "false"`,
  ],
});
