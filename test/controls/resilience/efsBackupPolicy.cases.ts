import control from '../../../src/controls/resilience/efsBackupPolicy.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: true
      BackupPolicy:
        Status: ENABLED
`,
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: true
`,
    `Resources:
  B:
    Type: AWS::EFS::FileSystem
    Properties:
      BackupPolicy: { Status: DISABLED }
`,
  ],
  unknown: [
    { name: "Fn::If on an undecidable condition", template: `Parameters:
  Env: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  B:
    Type: AWS::EFS::FileSystem
    Properties:
      BackupPolicy:
        Status: !If [IsProd, ENABLED, DISABLED]
` },
  ],
});
