import control from '../../../src/controls/resilience/efsBackupPolicy.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: true
      BackupPolicy:
        Status: ENABLED # <--
`,
    tf(`resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
  encrypted      = true
}

resource "aws_efs_backup_policy" "shared" {
  file_system_id = aws_efs_file_system.shared.id

  backup_policy {
    status = "ENABLED" # <--
  }
}
`),
    tf(`resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
  encrypted      = true
  availability_zone_name = "eu-west-1a" # <--
}
`, { name: 'One Zone file system: backups on by default' }),
  ],
  fail: [
    `Resources:
  B: # <--
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: true
`,
    `Resources:
  B:
    Type: AWS::EFS::FileSystem
    Properties:
      BackupPolicy: { Status: DISABLED } # <--
`,
    tf(`resource "aws_efs_file_system" "shared" { # <--
  creation_token = "shared"
  encrypted      = true
}
`, { name: 'no backup policy' }),
    tf(`resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
  encrypted      = true
  availability_zone_name = "eu-west-1a"
}

resource "aws_efs_backup_policy" "shared" {
  file_system_id = aws_efs_file_system.shared.id

  backup_policy {
    status = "DISABLED" # <--
  }
}
`, { name: 'One Zone file system with backups turned off' }),
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
        Status: !If [IsProd, ENABLED, DISABLED] # <--
` },
    tf(`variable "efs_backups" {
  type = string
}

resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
  encrypted      = true
}

resource "aws_efs_backup_policy" "shared" {
  file_system_id = aws_efs_file_system.shared.id

  backup_policy {
    status = var.efs_backups # <--
  }
}
`),
  ],
});
