import control from '../../../src/controls/resilience/backupCrossRegionCopy.js';
import { cases } from '../../helpers/cases.js';

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

export default cases(control, {
  pass: [
    { name: 'copy to another region, stack region given', template: plan(toOregon), params: { 'AWS::Region': 'eu-west-1' } },
  ],
  fail: [
    { name: 'no copy actions', template: plan('').replace('        BackupPlanRule:\n', '        BackupPlanRule: # <--\n') },
    { name: 'copy to a vault of the same stack', template: plan(`            CopyActions:
              - DestinationBackupVaultArn: !GetAtt Second.BackupVaultArn # <--`, '', '  Second:\n    Type: AWS::Backup::BackupVault\n    Properties:\n      BackupVaultName: second\n') },
    { name: 'copy to the stack\'s own region by ARN', template: plan(`            CopyActions:
              - DestinationBackupVaultArn: !Sub arn:aws:backup:\${AWS::Region}:222233334444:backup-vault:central # <--`) },
    { name: 'literal region equal to the stack region', template: plan(toOregon), params: { 'AWS::Region': 'us-west-2' } },
  ],
  unknown: [
    { name: 'literal region, stack region not given', template: plan(toOregon) },
    { name: 'destination from a parameter', template: plan(`            CopyActions:
              - DestinationBackupVaultArn: !Ref DrVault # <--`, 'Parameters:\n  DrVault: { Type: String }\n') },
  ],
});
