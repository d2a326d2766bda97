import control from '../../../src/controls/authentication/cognitoTemporaryPassword.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  X: # <--
    Type: AWS::Cognito::UserPool
    Properties:
      UserPoolName: p
`,
    `Resources:
  X:
    Type: AWS::Cognito::UserPool
    Properties:
      Policies:
        PasswordPolicy: { TemporaryPasswordValidityDays: 3 } # <--
`,
    tf(`resource "aws_cognito_user_pool" "users" { # <--
  name = "users"
}
`, { name: 'seven days by default' }),
    tf(`resource "aws_cognito_user_pool" "users" {
  name = "users"

  password_policy {
    minimum_length                   = 14
    temporary_password_validity_days = 3 # <--
  }
}
`),
  ],
  fail: [
    `Resources:
  X:
    Type: AWS::Cognito::UserPool
    Properties:
      Policies:
        PasswordPolicy: { TemporaryPasswordValidityDays: 30 } # <--
`,
    tf(`resource "aws_cognito_user_pool" "users" {
  name = "users"

  password_policy {
    minimum_length                   = 14
    temporary_password_validity_days = 30 # <--
  }
}
`),
  ],
  unknown: [
    tf(`variable "temporary_password_days" {
  type = number
}

resource "aws_cognito_user_pool" "users" {
  name = "users"

  password_policy {
    minimum_length                   = 14
    temporary_password_validity_days = var.temporary_password_days # <--
  }
}
`),
  ],
});
