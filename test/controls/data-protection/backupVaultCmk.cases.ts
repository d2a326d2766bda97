import control from '../../../src/controls/data-protection/backupVaultCmk.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::Backup::BackupVault
    Properties:
      BackupVaultName: primary
      EncryptionKeyArn: !GetAtt Key.Arn # <--
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy: {}
`,
    tf(`resource "aws_kms_key" "backup" {}

resource "aws_backup_vault" "primary" {
  name        = "primary"
  kms_key_arn = aws_kms_key.backup.arn # <--
}
`, { name: 'key from aws_kms_key' }),
  ],
  fail: [
    { name: 'left out', template: `Resources:
  R: # <--
    Type: AWS::Backup::BackupVault
    Properties:
      BackupVaultName: primary
` },
    tf(`resource "aws_backup_vault" "primary" { # <--
  name = "primary"
}
`, { name: 'left out' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Key: { Type: String }
Resources:
  R:
    Type: AWS::Backup::BackupVault
    Properties:
      BackupVaultName: primary
      EncryptionKeyArn: !Ref Key # <--
` },
    tf(`variable "key" {
  type = string
}

resource "aws_backup_vault" "primary" {
  name        = "primary"
  kms_key_arn = var.key # <--
}
`, { name: 'from a variable' }),
  ],
});
