import control from '../../../src/controls/data-protection/efsEncrypted.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: true
`,
    { name: "parameter default", template: `Parameters:
  Enc: { Type: String, Default: 'true' }
Resources:
  B:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: !Ref Enc
` },
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::EFS::FileSystem
    Properties:
      PerformanceMode: generalPurpose
`,
    `Resources:
  B:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: false
`,
  ],
  unknown: [
    { name: "parameter without default", template: `Parameters:
  Enc: { Type: String }
Resources:
  B:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: !Ref Enc
` },
  ],
});
