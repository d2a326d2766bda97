import control from '../../../src/controls/resilience/backupPlanRetention.js';
import { cases } from '../../helpers/cases.js';

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
              DeleteAfterDays: 35
`,
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
              DeleteAfterDays: !Ref Days
` },
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
              DeleteAfterDays: 3
`,
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
              DeleteAfterDays: !Ref Days
` },
  ],
});
