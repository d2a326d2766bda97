import control from '../../../src/controls/data-protection/kmsKeyEnabled.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      Enabled: true # <--\n",
    "Resources:\n  X: # <--\n    Type: AWS::KMS::Key\n    Properties:\n      Description: k\n",
    tf(`resource "aws_kms_key" "data" { # <--
  description = "data at rest"
}
`, { name: 'is_enabled left at its default (true)' }),
    tf(`resource "aws_kms_key" "data" {
  description = "data at rest"
  is_enabled  = true # <--
}
`, { name: 'is_enabled = true' }),
  ],
  fail: [
    "Resources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      Enabled: false # <--\n",
    "Resources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      Enabled: 'false' # <--\n",
    tf(`resource "aws_kms_key" "old" {
  description = "retired key"
  is_enabled  = false # <--
}
`, { name: 'is_enabled = false' }),
    tf(`resource "aws_kms_external_key" "imported" {
  description = "imported material"
  enabled     = false # <--
}
`, { name: 'aws_kms_external_key with enabled = false' }),
  ],
  unknown: [
    tf(`variable "key_enabled" {
  type = bool
}

resource "aws_kms_key" "data" {
  is_enabled = var.key_enabled # <--
}
`, { name: 'is_enabled from a variable without a value' }),
  ],
});
