import control from '../../../src/controls/data-protection/secretsRotationInterval.js';
import { cases, tf } from '../../helpers/cases.js';

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

const tfSecret = `resource "aws_secretsmanager_secret" "db" {
  name = "prod/db/password"
}

resource "aws_lambda_function" "rotate" {
  function_name = "rotate-db-password"
  role          = "arn:aws:iam::123456789012:role/rotation"
  runtime       = "python3.12"
  handler       = "index.handler"
  filename      = "rotation.zip"
}

`;

export default cases(control, {
  pass: [
    { name: 'every 30 days', template: schedule('      RotationRules:\n        AutomaticallyAfterDays: 30 # <--') },
    { name: 'monthly cron', template: schedule('      RotationRules:\n        ScheduleExpression: cron(0 4 1 * ? *) # <--') },
    tf(`${tfSecret}resource "aws_secretsmanager_secret_rotation" "db" {
  secret_id           = aws_secretsmanager_secret.db.id
  rotation_lambda_arn = aws_lambda_function.rotate.arn

  rotation_rules {
    automatically_after_days = 30 # <--
  }
}
`, { name: 'aws_secretsmanager_secret_rotation every 30 days' }),
    tf(`${tfSecret}resource "aws_secretsmanager_secret_rotation" "db" {
  secret_id           = aws_secretsmanager_secret.db.id
  rotation_lambda_arn = aws_lambda_function.rotate.arn

  rotation_rules {
    schedule_expression = "rate(7 days)" # <--
    duration            = "3h"
  }
}
`, { name: 'rate expression every 7 days' }),
  ],
  fail: [
    { name: 'every 180 days', template: schedule('      RotationRules:\n        AutomaticallyAfterDays: 180 # <--') },
    { name: 'quarterly cron can run 92 days apart', template: schedule('      RotationRules:\n        ScheduleExpression: cron(0 4 1 */3 ? *) # <--') },
    { name: 'no rotation rules', template: schedule('').replace('  Rotation:\n', '  Rotation: # <--\n') },
    tf(`${tfSecret}resource "aws_secretsmanager_secret_rotation" "db" {
  secret_id           = aws_secretsmanager_secret.db.id
  rotation_lambda_arn = aws_lambda_function.rotate.arn

  rotation_rules {
    automatically_after_days = 365 # <--
  }
}
`, { name: 'aws_secretsmanager_secret_rotation once a year' }),
    tf(`${tfSecret}resource "aws_secretsmanager_secret_rotation" "db" {
  secret_id           = aws_secretsmanager_secret.db.id
  rotation_lambda_arn = aws_lambda_function.rotate.arn

  rotation_rules {
    schedule_expression = "cron(0 4 1 1/6 ? *)" # <--
  }
}
`, { name: 'cron every six months' }),
  ],
  unknown: [
    { name: 'interval from a parameter', template: schedule('      RotationRules:\n        AutomaticallyAfterDays: !Ref Days # <--', 'Parameters:\n  Days: { Type: Number }\n') },
    tf(`variable "rotation_days" {
  type = number
}

${tfSecret}resource "aws_secretsmanager_secret_rotation" "db" {
  secret_id           = aws_secretsmanager_secret.db.id
  rotation_lambda_arn = aws_lambda_function.rotate.arn

  rotation_rules {
    automatically_after_days = var.rotation_days # <--
  }
}
`, { name: 'interval from a variable without a value' }),
  ],
});
