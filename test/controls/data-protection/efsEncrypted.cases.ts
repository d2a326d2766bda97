import control from '../../../src/controls/data-protection/efsEncrypted.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: true # <--
`,
    { name: "parameter default", template: `Parameters:
  Enc: { Type: String, Default: 'true' }
Resources:
  B:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: !Ref Enc # <--
` },
    tf(`resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
  encrypted      = true # <--
  kms_key_id     = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"
}
`, { name: 'encrypted = true' }),
  ],
  fail: [
    `Resources:
  B: # <--
    Type: AWS::EFS::FileSystem
    Properties:
      PerformanceMode: generalPurpose
`,
    `Resources:
  B:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: false # <--
`,
    tf(`resource "aws_efs_file_system" "shared" { # <--
  creation_token   = "shared"
  performance_mode = "generalPurpose"
}
`, { name: 'encrypted left out' }),
    tf(`resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
  encrypted      = false # <--
}
`, { name: 'encrypted = false' }),
  ],
  unknown: [
    { name: "parameter without default", template: `Parameters:
  Enc: { Type: String }
Resources:
  B:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: !Ref Enc # <--
` },
    tf(`variable "encrypted" {
  type = bool
}

resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
  encrypted      = var.encrypted # <--
}
`, { name: 'encrypted from a variable without a value' }),
  ],
});
