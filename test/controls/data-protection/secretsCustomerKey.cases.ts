import control from '../../../src/controls/data-protection/secretsCustomerKey.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  K:\n    Type: AWS::KMS::Key\n    Properties: {}\n  X:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      KmsKeyId: !Ref K # <--\n",
    tf(`resource "aws_kms_key" "secrets" {
  enable_key_rotation = true
}

resource "aws_secretsmanager_secret" "db" {
  name       = "prod/db/password"
  kms_key_id = aws_kms_key.secrets.arn # <--
}
`, { name: 'kms_key_id names a customer managed key' }),
  ],
  fail: [
    "Resources:\n  X: # <--\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      Name: s\n",
    "Resources:\n  X:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      KmsKeyId: alias/aws/secretsmanager # <--\n",
    tf(`resource "aws_secretsmanager_secret" "db" { # <--
  name        = "prod/db/password"
  description = "database master password"
}
`, { name: 'no kms_key_id: the AWS managed key' }),
    tf(`resource "aws_secretsmanager_secret" "db" {
  name       = "prod/db/password"
  kms_key_id = "alias/aws/secretsmanager" # <--
}
`, { name: 'kms_key_id is the AWS managed alias' }),
  ],
  unknown: [
    { name: "key from parameter without default", template: "Parameters:\n  P: { Type: String }\nResources:\n  X:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      KmsKeyId: !Ref P # <--\n" },
    tf(`variable "kms_key_arn" {
  type = string
}

resource "aws_secretsmanager_secret" "db" {
  name       = "prod/db/password"
  kms_key_id = var.kms_key_arn # <--
}
`, { name: 'kms_key_id from a variable without a value' }),
  ],
});
