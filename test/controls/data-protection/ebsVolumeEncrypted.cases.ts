import control from '../../../src/controls/data-protection/ebsVolumeEncrypted.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::EC2::Volume
    Properties:
      Size: 100
      AvailabilityZone: eu-west-1a
      Encrypted: true # <--
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
      KmsKeyId: !GetAtt VolKey.Arn # <--
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
      KmsKeyId: !Ref VolumeKey # <--
` },
    tf(`resource "aws_kms_key" "ebs" {
  enable_key_rotation = true
}

resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = true # <--
  kms_key_id        = aws_kms_key.ebs.arn
}
`, { name: 'encrypted with a customer key' }),
  ],
  fail: [
    `Resources:
  B: # <--
    Type: AWS::EC2::Volume
    Properties:
      Size: 100
      AvailabilityZone: eu-west-1a
`,
    `Resources:
  B:
    Type: AWS::EC2::Volume
    Properties:
      Encrypted: false # <--
`,
    tf(`resource "aws_ebs_volume" "data" { # <--
  availability_zone = "eu-west-1a"
  size              = 100
  type              = "gp3"
}
`, { name: 'encrypted left out' }),
    tf(`resource "aws_ebs_volume" "scratch" {
  availability_zone = "eu-west-1a"
  size              = 50
  encrypted         = false # <--
}
`, { name: 'encrypted = false' }),
  ],
  unknown: [
    { name: "parameter without default", template: `Parameters:
  Enc: { Type: String }
Resources:
  B:
    Type: AWS::EC2::Volume
    Properties:
      Encrypted: !Ref Enc # <--
` },
    tf(`variable "encrypt_volumes" {
  type = bool
}

resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = var.encrypt_volumes # <--
}
`, { name: 'encrypted from a variable without a value' }),
  ],
});
