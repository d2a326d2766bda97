import control from '../../../src/controls/data-protection/ebsVolumeEncrypted.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::EC2::Volume
    Properties:
      Size: 100
      AvailabilityZone: eu-west-1a
      Encrypted: true
      KmsKeyId: !Ref Key
  Key:
    Type: AWS::KMS::Key
`,
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::EC2::Volume
    Properties:
      Size: 100
      AvailabilityZone: eu-west-1a
`,
    `Resources:
  B:
    Type: AWS::EC2::Volume
    Properties:
      Encrypted: false
`,
  ],
  unknown: [
    { name: "parameter without default", template: `Parameters:
  Enc: { Type: String }
Resources:
  B:
    Type: AWS::EC2::Volume
    Properties:
      Encrypted: !Ref Enc
` },
  ],
});
