import control from '../../../src/controls/data-protection/kmsKeyRotation.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n",
    { name: "Fn::If both true", template: "Parameters:\n  Env: { Type: String }\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\nResources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: !If [IsProd, true, 'true']\n" },
    tf(`resource "aws_kms_key" "data" {
  description         = "data"
  enable_key_rotation = true # <--
}
`, { name: 'enable_key_rotation = true' }),
  ],
  fail: [
    "Resources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      Description: k\n",
    "Resources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: false\n      KeySpec: SYMMETRIC_DEFAULT\n",
    tf(`resource "aws_kms_key" "data" { # <--
  description = "data"
}
`, { name: 'enable_key_rotation not set (defaults to false)' }),
    tf(`resource "aws_kms_key" "data" {
  description         = "data"
  enable_key_rotation = false # <--
}
`, { name: 'enable_key_rotation = false' }),
  ],
  unknown: [
    { name: "parameter without default", template: "Parameters:\n  P: { Type: String }\nResources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: !Ref P\n" },
    tf(`variable "rotate" {
  type = bool
}

resource "aws_kms_key" "data" {
  description         = "data"
  enable_key_rotation = var.rotate # <--
}
`, { name: 'enable_key_rotation from a variable without a value' }),
  ],
  not_applicable: [
    "Resources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      KeySpec: RSA_2048\n      KeyUsage: SIGN_VERIFY\n",
    // CloudFormation offers Origin AWS_KMS or EXTERNAL only; these origins come from the
    // Terraform and Pulumi AWS Classic translations of keys in a custom key store.
    { name: 'a key in a CloudHSM key store', template: `Resources:
  X: # <--
    Type: AWS::KMS::Key
    Properties:
      Origin: AWS_CLOUDHSM` },
    { name: 'a key in an external key store', template: `Resources:
  X: # <--
    Type: AWS::KMS::Key
    Properties:
      Origin: EXTERNAL_KEY_STORE` },
    tf(`resource "aws_kms_key" "signing" {
  description              = "signing"
  customer_master_key_spec = "RSA_2048"
  key_usage                = "SIGN_VERIFY"
}
`, { name: 'asymmetric key (customer_master_key_spec RSA_2048)' }),
    tf(`resource "aws_kms_key" "signing" {
  description = "signing key; the spec is left to the provider"
  key_usage   = "SIGN_VERIFY"
}
`, { name: 'key_usage SIGN_VERIFY without a spec: a signing key cannot rotate' }),
    { name: 'an HMAC key', template: `Resources:
  Mac:
    Type: AWS::KMS::Key
    Properties:
      KeyUsage: GENERATE_VERIFY_MAC
` },
    tf(`resource "aws_kms_external_key" "imported" {
  description = "imported material"
}
`, { name: 'aws_kms_external_key: imported key material' }),
  ],
});
