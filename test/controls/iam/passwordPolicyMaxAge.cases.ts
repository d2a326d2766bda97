import control from '../../../src/controls/iam/passwordPolicyMaxAge.js';
import { cases, tf } from '../../helpers/cases.js';

// Terraform only: CloudFormation cannot declare the account password policy.
export default cases(control, {
  pass: [
    tf(`resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length = 14
  password_reuse_prevention = 24
  max_password_age = 90 # <--
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers = true
  require_symbols = true
}
`, { name: 'max_password_age = 90' }),
  ],
  fail: [
    tf(`resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length = 14
  password_reuse_prevention = 24
  max_password_age = 365 # <--
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers = true
  require_symbols = true
}
`, { name: 'max_password_age = 365' }),
    tf(`resource "aws_iam_account_password_policy" "strict" { # <--
  minimum_password_length = 14
  password_reuse_prevention = 24
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers = true
  require_symbols = true
}
`, { name: 'max_password_age not set' }),
    tf(`resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length = 14
  password_reuse_prevention = 24
  max_password_age = 0 # <--
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers = true
  require_symbols = true
}
`, { name: 'max_password_age = 0' }),
  ],
  unknown: [
    tf(`variable "n" {
  type = number
}

resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length = 14
  password_reuse_prevention = 24
  max_password_age = var.n # <--
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers = true
  require_symbols = true
}
`, { name: 'max_password_age from a variable without a value' }),
  ],
});
