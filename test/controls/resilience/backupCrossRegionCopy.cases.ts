import control from '../../../src/controls/resilience/backupCrossRegionCopy.js';
import { cases, tf } from '../../helpers/cases.js';

const plan = (copies: string, before = '', after = '') => `${before}Resources:
  Plan:
    Type: AWS::Backup::BackupPlan
    Properties:
      BackupPlan:
        BackupPlanName: daily
        BackupPlanRule:
          - RuleName: daily
            TargetBackupVault: !Ref Vault
            ScheduleExpression: cron(0 5 * * ? *)
            Lifecycle: { DeleteAfterDays: 35 }
${copies.replace(/\n?$/, '\n')}  Vault:
    Type: AWS::Backup::BackupVault
    Properties:
      BackupVaultName: primary
${after}`;

const toOregon = `            CopyActions:
              - DestinationBackupVaultArn: arn:aws:backup:us-west-2:111122223333:backup-vault:dr # <--
                Lifecycle: { DeleteAfterDays: 35 }`;

/** A Terraform daily plan whose rule holds \`copies\` (copy_action blocks, 4 spaces), and resources after it. */
const tfPlan = (copies: string, after = '', mark = '') => `resource "aws_backup_vault" "primary" {
  name = "primary"
}

resource "aws_backup_plan" "daily" {
  name = "daily"

  rule {${mark}
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.primary.name
    schedule          = "cron(0 5 * * ? *)"

    lifecycle {
      delete_after = 35
    }
${copies.replace(/\n?$/, '\n')}  }
}
${after}`;

const tfToOregon = `
    copy_action {
      destination_vault_arn = "arn:aws:backup:us-west-2:111122223333:backup-vault:dr" # <--
      lifecycle {
        delete_after = 35
      }
    }`;

export default cases(control, {
  pass: [
    { name: 'copy to another region, stack region given', template: plan(toOregon), params: { 'AWS::Region': 'eu-west-1' } },
    tf(tfPlan(tfToOregon), { name: 'Terraform: copy to another region, region given', params: { 'AWS::Region': 'eu-west-1' } }),
  ],
  fail: [
    { name: 'no copy actions', template: plan('').replace('        BackupPlanRule:\n', '        BackupPlanRule: # <--\n') },
    { name: 'copy to a vault of the same stack', template: plan(`            CopyActions:
              - DestinationBackupVaultArn: !GetAtt Second.BackupVaultArn # <--`, '', '  Second:\n    Type: AWS::Backup::BackupVault\n    Properties:\n      BackupVaultName: second\n') },
    { name: 'copy to the stack\'s own region by ARN', template: plan(`            CopyActions:
              - DestinationBackupVaultArn: !Sub arn:aws:backup:\${AWS::Region}:222233334444:backup-vault:central # <--`) },
    { name: 'literal region equal to the stack region', template: plan(toOregon), params: { 'AWS::Region': 'us-west-2' } },
    tf(tfPlan('', '', ' # <--'), { name: 'Terraform: no copy action' }),
    tf(tfPlan(tfToOregon), { name: 'Terraform: literal region equal to the given region', params: { 'AWS::Region': 'us-west-2' } }),
  ],
  unknown: [
    { name: 'literal region, stack region not given', template: plan(toOregon) },
    { name: 'destination from a parameter', template: plan(`            CopyActions:
              - DestinationBackupVaultArn: !Ref DrVault # <--`, 'Parameters:\n  DrVault: { Type: String }\n') },
    tf(tfPlan(tfToOregon), { name: 'Terraform: literal region, region not given' }),
    tf(`provider "aws" {
  alias  = "dr"
  region = "us-west-2"
}

resource "aws_backup_vault" "dr" {
  provider = aws.dr
  name     = "dr"
}

${tfPlan(`
    copy_action {
      destination_vault_arn = aws_backup_vault.dr.arn # <--
    }`)}`, { name: 'Terraform: a vault of the configuration, its provider\'s region not read' }),
    tf(`variable "dr_vault_arn" {
  type = string
}

${tfPlan(`
    copy_action {
      destination_vault_arn = var.dr_vault_arn # <--
    }`)}`, { name: 'Terraform: destination from a variable without a value' }),
  ],
});
