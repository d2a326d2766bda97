import control from '../../../src/controls/iam/passwordPolicyComplexity.js';
import { cases, tf } from '../../helpers/cases.js';

// Terraform only: CloudFormation cannot declare the account password policy.
export default cases(control, {
  pass: [
    tf(`resource "aws_iam_account_password_policy" "strict" { # <--
  minimum_password_length = 14
  password_reuse_prevention = 24
  max_password_age = 90
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers = true
  require_symbols = true
}
`, { name: 'all four classes required' }),
  ],
  fail: [
    tf(`resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length = 14
  password_reuse_prevention = 24
  max_password_age = 90
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers = true
  require_symbols = false # <--
}
`, { name: 'require_symbols = false' }),
    tf(`resource "aws_iam_account_password_policy" "strict" { # <--
  minimum_password_length = 14
}
`, { name: 'no class required' }),
  ],
  unknown: [
    tf(`variable "b" {
  type = bool
}

resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length = 14
  password_reuse_prevention = 24
  max_password_age = 90
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers = var.b # <--
  require_symbols = true
}
`, { name: 'require_numbers from a variable' }),
  ],
});
