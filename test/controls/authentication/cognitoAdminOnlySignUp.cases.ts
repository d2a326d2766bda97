import control from '../../../src/controls/authentication/cognitoAdminOnlySignUp.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  X:
    Type: AWS::Cognito::UserPool
    Properties:
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true } # <--
`,
    tf(`resource "aws_cognito_user_pool" "staff" {
  name = "staff"

  admin_create_user_config {
    allow_admin_create_user_only = true # <--
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
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false } # <--
`,
    tf(`resource "aws_cognito_user_pool" "customers" { # <--
  name                     = "customers"
  auto_verified_attributes = ["email"]
}
`, { name: 'self sign-up by default' }),
    tf(`resource "aws_cognito_user_pool" "customers" {
  name = "customers"

  admin_create_user_config { # <--
    invite_message_template {
      email_subject = "Your account"
      email_message = "Your username is {username} and temporary password is {####}."
      sms_message   = "Your username is {username} and temporary password is {####}."
    }
  }
}
`, { name: 'admin settings without allow_admin_create_user_only' }),
  ],
  unknown: [
    tf(`variable "invite_only" {
  type = bool
}

resource "aws_cognito_user_pool" "users" {
  name = "users"

  admin_create_user_config {
    allow_admin_create_user_only = var.invite_only # <--
  }
}
`),
  ],
});
