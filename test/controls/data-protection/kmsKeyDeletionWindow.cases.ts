import control from '../../../src/controls/data-protection/kmsKeyDeletionWindow.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    "Resources:\n  X: # <--\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n",
    "Resources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      PendingWindowInDays: 14 # <--\n",
    tf(`resource "aws_kms_key" "data" { # <--
  description         = "data at rest"
  enable_key_rotation = true
}
`, { name: 'deletion_window_in_days left at its 30-day default' }),
    tf(`resource "aws_kms_key" "data" {
  description             = "data at rest"
  deletion_window_in_days = 30 # <--
}
`, { name: 'deletion_window_in_days = 30' }),
  ],
  fail: [
    "Resources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      PendingWindowInDays: 7 # <--\n",
    { name: "parameter default", template: "Parameters:\n  P:\n    Type: String\n    Default: '10'\nResources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      PendingWindowInDays: !Ref P # <--\n" },
    tf(`resource "aws_kms_key" "scratch" {
  description             = "scratch data"
  deletion_window_in_days = 7 # <--
}
`, { name: 'deletion_window_in_days = 7' }),
    tf(`variable "deletion_window" {
  type    = number
  default = 10
}

resource "aws_kms_key" "data" {
  deletion_window_in_days = var.deletion_window # <--
}
`, { name: 'window from a variable default' }),
  ],
  unknown: [
    { name: "parameter with allowed values on both sides", template: "Parameters:\n  P: { Type: Number, AllowedValues: [7, 30] }\nResources:\n  X:\n    Type: AWS::KMS::Key\n    Properties:\n      PendingWindowInDays: !Ref P # <--\n" },
    tf(`variable "deletion_window" {
  type = number
}

resource "aws_kms_key" "data" {
  deletion_window_in_days = var.deletion_window # <--
}
`, { name: 'window from a variable without a value' }),
  ],
});
