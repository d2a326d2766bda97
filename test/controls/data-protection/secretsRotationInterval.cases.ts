import control from '../../../src/controls/data-protection/secretsRotationInterval.js';
import { cases } from '../../helpers/cases.js';

const schedule = (rules: string, before = '') => `${before}Resources:
  Secret:
    Type: AWS::SecretsManager::Secret
    Properties:
      GenerateSecretString: { PasswordLength: 32 }
  Rotation:
    Type: AWS::SecretsManager::RotationSchedule
    Properties:
      SecretId: !Ref Secret
      HostedRotationLambda: { RotationType: PostgreSQLSingleUser }
${rules.replace(/\n?$/, '\n')}`;

export default cases(control, {
  pass: [
    { name: 'every 30 days', template: schedule('      RotationRules:\n        AutomaticallyAfterDays: 30 # <--') },
    { name: 'monthly cron', template: schedule('      RotationRules:\n        ScheduleExpression: cron(0 4 1 * ? *) # <--') },
  ],
  fail: [
    { name: 'every 180 days', template: schedule('      RotationRules:\n        AutomaticallyAfterDays: 180 # <--') },
    { name: 'quarterly cron can run 92 days apart', template: schedule('      RotationRules:\n        ScheduleExpression: cron(0 4 1 */3 ? *) # <--') },
    { name: 'no rotation rules', template: schedule('').replace('  Rotation:\n', '  Rotation: # <--\n') },
  ],
  unknown: [
    { name: 'interval from a parameter', template: schedule('      RotationRules:\n        AutomaticallyAfterDays: !Ref Days # <--', 'Parameters:\n  Days: { Type: Number }\n') },
  ],
});
