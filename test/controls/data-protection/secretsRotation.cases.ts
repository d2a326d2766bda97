import control from '../../../src/controls/data-protection/secretsRotation.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  S:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      GenerateSecretString: {}\n  Rot:\n    Type: AWS::SecretsManager::RotationSchedule\n    Properties:\n      SecretId: !Ref S # <--\n      RotationLambdaARN: arn:aws:lambda:us-east-1:123456789012:function:rot\n      RotationRules: { AutomaticallyAfterDays: 30 }\n",
    tf(`resource "aws_secretsmanager_secret" "db" {
  name = "prod/db"
}

resource "aws_secretsmanager_secret_rotation" "db" {
  secret_id           = aws_secretsmanager_secret.db.id # <--
  rotation_lambda_arn = "arn:aws:lambda:us-east-1:123456789012:function:rot"

  rotation_rules {
    automatically_after_days = 30
  }
}
`, { name: 'aws_secretsmanager_secret_rotation referencing the secret' }),
  ],
  fail: [
    "Resources:\n  X: # <--\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      GenerateSecretString: {}\n",
    "Resources:\n  S: # <--\n    Type: AWS::SecretsManager::Secret\n    Properties: { Name: a }\n  Other:\n    Type: AWS::SecretsManager::Secret\n    Properties: { Name: b }\n  Rot:\n    Type: AWS::SecretsManager::RotationSchedule\n    Properties:\n      SecretId: !Ref Other\n      RotationRules: { AutomaticallyAfterDays: 30 }\n",
    tf(`resource "aws_secretsmanager_secret" "db" { # <--
  name = "prod/db"
}
`, { name: 'no rotation resource' }),
    tf(`resource "aws_secretsmanager_secret" "db" { # <--
  name = "prod/db"
}

resource "aws_secretsmanager_secret" "other" {
  name = "prod/other"
}

resource "aws_secretsmanager_secret_rotation" "other" {
  secret_id           = aws_secretsmanager_secret.other.id
  rotation_lambda_arn = "arn:aws:lambda:us-east-1:123456789012:function:rot"

  rotation_rules {
    automatically_after_days = 30
  }
}
`, { name: 'rotation of another secret' }),
  ],
});
