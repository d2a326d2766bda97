import control from '../../../src/controls/data-protection/ecrKmsEncryption.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::ECR::Repository
    Properties:
      EncryptionConfiguration:
        EncryptionType: KMS
        KmsKey: !GetAtt Key.Arn
  Key:
    Type: AWS::KMS::Key
`,
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::ECR::Repository
`,
    `Resources:
  B:
    Type: AWS::ECR::Repository
    Properties:
      EncryptionConfiguration: { EncryptionType: AES256 }
`,
  ],
});
