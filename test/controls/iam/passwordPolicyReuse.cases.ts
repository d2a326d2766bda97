import control from '../../../src/controls/iam/passwordPolicyReuse.js';
import { cases, tf } from '../../helpers/cases.js';

// Terraform only: CloudFormation cannot declare the account password policy.
export default cases(control, {
  pass: [
    tf(`resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length = 14
  password_reuse_prevention = 24 # <--
  max_password_age = 90
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers = true
  require_symbols = true
}
`, { name: 'password_reuse_prevention = 24' }),
  ],
  fail: [
    tf(`resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length = 14
  password_reuse_prevention = 5 # <--
  max_password_age = 90
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers = true
  require_symbols = true
}
`, { name: 'password_reuse_prevention = 5' }),
    tf(`resource "aws_iam_account_password_policy" "strict" { # <--
  minimum_password_length = 14
  max_password_age = 90
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers = true
  require_symbols = true
}
`, { name: 'password_reuse_prevention not set' }),
  ],
  unknown: [
    tf(`variable "n" {
  type = number
}

resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length = 14
  password_reuse_prevention = var.n # <--
  max_password_age = 90
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers = true
  require_symbols = true
}
`, { name: 'password_reuse_prevention from a variable without a value' }),
  ],
});
