import control from '../../../src/controls/iam/passwordPolicyMinLength.js';
import { cases, tf } from '../../helpers/cases.js';

// Terraform only: CloudFormation cannot declare the account password policy.
export default cases(control, {
  pass: [
    tf(`resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length = 14 # <--
  password_reuse_prevention = 24
  max_password_age = 90
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers = true
  require_symbols = true
}
`, { name: 'minimum_password_length = 14' }),
  ],
  fail: [
    tf(`resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length = 8 # <--
  password_reuse_prevention = 24
  max_password_age = 90
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers = true
  require_symbols = true
}
`, { name: 'minimum_password_length = 8' }),
    tf(`resource "aws_iam_account_password_policy" "strict" { # <--
  password_reuse_prevention = 24
  max_password_age = 90
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers = true
  require_symbols = true
}
`, { name: 'minimum_password_length not set' }),
  ],
  unknown: [
    tf(`variable "n" {
  type = number
}

resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length = var.n # <--
  password_reuse_prevention = 24
  max_password_age = 90
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers = true
  require_symbols = true
}
`, { name: 'minimum_password_length from a variable without a value' }),
  ],
});
