import control from '../../../src/controls/audit/logGroupRetention.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Group:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 365`,
    { name: 'parameter default', template: `Parameters:
  Days: { Type: Number, Default: 90 }
Resources:
  Group:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: !Ref Days` },
  ],
  fail: [
    `Resources:
  Group:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: app`,
    `Resources:
  Group:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 8675309`,
  ],
  unknown: [
    `Parameters:
  Days: { Type: Number }
Resources:
  Group:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: !Ref Days`,
  ],
});
