import control from '../../../src/controls/resilience/backupVaultLock.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::Backup::BackupVault
    Properties:
      BackupVaultName: primary
      LockConfiguration: # <--
        MinRetentionDays: 7
        ChangeableForDays: 3
`,
    tf(`resource "aws_backup_vault" "primary" {
  name = "primary"
}

resource "aws_backup_vault_lock_configuration" "primary" { # <--
  backup_vault_name   = aws_backup_vault.primary.name
  min_retention_days  = 7
  changeable_for_days = 3
}
`, { name: 'lock configuration resource' }),
  ],
  fail: [
    { name: 'no lock', template: `Resources:
  R: # <--
    Type: AWS::Backup::BackupVault
    Properties:
      BackupVaultName: primary
` },
    tf(`resource "aws_backup_vault" "primary" { # <--
  name = "primary"
}
`, { name: 'no lock resource' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Lock: { Type: String }
Resources:
  R:
    Type: AWS::Backup::BackupVault
    Properties:
      BackupVaultName: primary
      LockConfiguration: !Ref Lock # <--
` },
  ],
});
