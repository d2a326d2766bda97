import control from '../../../src/controls/resilience/backupPlanRetention.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::Backup::BackupPlan
    Properties:
      BackupPlan:
        BackupPlanName: daily
        BackupPlanRule:
          - RuleName: daily
            TargetBackupVault: Default
            ScheduleExpression: cron(0 5 * * ? *)
            Lifecycle:
              DeleteAfterDays: 35 # <--
`,
    `Resources:
  B:
    Type: AWS::Backup::BackupPlan
    Properties:
      BackupPlan:
        BackupPlanName: daily
        BackupPlanRule:
          - RuleName: daily # <--
            TargetBackupVault: Default
            ScheduleExpression: cron(0 5 * * ? *)
`,
    { name: "retention from a parameter default", template: `Parameters:
  Days: { Type: String, Default: '30' }
Resources:
  B:
    Type: AWS::Backup::BackupPlan
    Properties:
      BackupPlan:
        BackupPlanName: daily
        BackupPlanRule:
          - RuleName: daily
            TargetBackupVault: Default
            ScheduleExpression: cron(0 5 * * ? *)
            Lifecycle:
              DeleteAfterDays: !Ref Days # <--
` },
    tf(`resource "aws_backup_plan" "daily" {
  name = "daily"

  rule {
    rule_name         = "daily"
    target_vault_name = "Default"
    schedule          = "cron(0 5 * * ? *)"

    lifecycle {
      cold_storage_after = 30
      delete_after       = 365 # <--
    }
  }
}
`),
    tf(`resource "aws_backup_plan" "daily" {
  name = "daily"

  rule { # <--
    rule_name         = "daily"
    target_vault_name = "Default"
    schedule          = "cron(0 5 * * ? *)"
  }
}
`, { name: 'no lifecycle: kept until deleted' }),
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::Backup::BackupPlan
    Properties:
      BackupPlan:
        BackupPlanName: daily
        BackupPlanRule:
          - RuleName: daily
            TargetBackupVault: Default
            ScheduleExpression: cron(0 5 * * ? *)
            Lifecycle:
              DeleteAfterDays: 3 # <--
`,
    tf(`resource "aws_backup_plan" "daily" {
  name = "daily"

  rule {
    rule_name         = "daily"
    target_vault_name = "Default"
    schedule          = "cron(0 5 * * ? *)"

    lifecycle {
      delete_after = 3 # <--
    }
  }
}
`),
  ],
  unknown: [
    { name: "retention from a parameter without default", template: `Parameters:
  Days: { Type: String }
Resources:
  B:
    Type: AWS::Backup::BackupPlan
    Properties:
      BackupPlan:
        BackupPlanName: daily
        BackupPlanRule:
          - RuleName: daily
            TargetBackupVault: Default
            ScheduleExpression: cron(0 5 * * ? *)
            Lifecycle:
              DeleteAfterDays: !Ref Days # <--
` },
    tf(`variable "backup_retention_days" {
  type = number
}

resource "aws_backup_plan" "daily" {
  name = "daily"

  rule {
    rule_name         = "daily"
    target_vault_name = "Default"
    schedule          = "cron(0 5 * * ? *)"

    lifecycle {
      delete_after = var.backup_retention_days # <--
    }
  }
}
`),
  ],
});
