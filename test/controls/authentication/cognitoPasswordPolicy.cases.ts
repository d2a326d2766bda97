import control from '../../../src/controls/authentication/cognitoPasswordPolicy.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  X:
    Type: AWS::Cognito::UserPool
    Properties:
      Policies:
        PasswordPolicy: { MinimumLength: 14, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true } # <--
`,
    { name: "length from parameter default", template: `Parameters:
  P:
    Type: String
    Default: '12'
Resources:
  X:
    Type: AWS::Cognito::UserPool
    Properties:
      Policies:
        PasswordPolicy: { MinimumLength: !Ref P, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: 'true' } # <--
` },
    tf(`resource "aws_cognito_user_pool" "users" {
  name = "users"

  password_policy { # <--
    minimum_length    = 14
    require_lowercase = true
    require_uppercase = true
    require_numbers   = true
    require_symbols   = true
  }
}
`),
  ],
  fail: [
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
        PasswordPolicy: { MinimumLength: 16 } # <--
`,
    tf(`resource "aws_cognito_user_pool" "users" { # <--
  name = "users"
}
`, { name: 'no password policy' }),
    tf(`resource "aws_cognito_user_pool" "users" {
  name = "users"

  password_policy {
    minimum_length    = 8 # <--
    require_lowercase = true
    require_uppercase = true
    require_numbers   = true
    require_symbols   = true
  }
}
`, { name: 'too short' }),
    tf(`resource "aws_cognito_user_pool" "users" {
  name = "users"

  password_policy { # <--
    minimum_length    = 16
    require_lowercase = true
    require_uppercase = true
    require_numbers   = true
  }
}
`, { name: 'symbols not required (unset in the block)' }),
  ],
  unknown: [
    { name: "length from parameter without default", template: `Parameters:
  P: { Type: String }
Resources:
  X:
    Type: AWS::Cognito::UserPool
    Properties:
      Policies:
        PasswordPolicy: { MinimumLength: !Ref P, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true } # <--
` },
    tf(`variable "min_password_length" {
  type = number
}

resource "aws_cognito_user_pool" "users" {
  name = "users"

  password_policy {
    minimum_length    = var.min_password_length # <--
    require_lowercase = true
    require_uppercase = true
    require_numbers   = true
    require_symbols   = true
  }
}
`),
  ],
});
