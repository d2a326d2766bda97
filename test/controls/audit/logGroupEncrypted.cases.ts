import control from '../../../src/controls/audit/logGroupEncrypted.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Key:
    Type: AWS::KMS::Key
  Group:
    Type: AWS::Logs::LogGroup
    Properties:
      KmsKeyId: !GetAtt Key.Arn`,
  ],
  fail: [
    `Resources:
  Group:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 30`,
  ],
});
