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
    { name: 'KmsKeyId without Encrypted (EC2 only accepts a key for an encrypted volume)', template: `Resources:
  V:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: eu-west-1a
      Size: 20
      KmsKeyId: !GetAtt VolKey.Arn
  VolKey:
    Type: AWS::KMS::Key
` },
    { name: 'KmsKeyId from a parameter without default, Encrypted omitted', template: `Parameters:
  VolumeKey: { Type: String }
Resources:
  V:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: eu-west-1b
      Size: 8
      KmsKeyId: !Ref VolumeKey
` },
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
