import control from '../../../src/controls/data-protection/ecrScanOnPush.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::ECR::Repository
    Properties:
      ImageScanningConfiguration:
        ScanOnPush: true
`,
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: app
`,
    `Resources:
  B:
    Type: AWS::ECR::Repository
    Properties:
      ImageScanningConfiguration: { ScanOnPush: false }
`,
  ],
  unknown: [
    { name: "parameter without default", template: `Parameters:
  Scan: { Type: String }
Resources:
  B:
    Type: AWS::ECR::Repository
    Properties:
      ImageScanningConfiguration:
        ScanOnPush: !Ref Scan
` },
  ],
});
