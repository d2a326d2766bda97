import control from '../../../src/controls/authentication/cognitoClientPreventUserExistenceErrors.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  X:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: p
      PreventUserExistenceErrors: ENABLED # <--
`,
    tf(`resource "aws_cognito_user_pool_client" "web" {
  name                          = "web"
  user_pool_id                  = "eu-west-1_AbCdEf123"
  prevent_user_existence_errors = "ENABLED" # <--
}
`),
  ],
  fail: [
    `Resources:
  X: # <--
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: p
`,
    `Resources:
  X:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: p
      PreventUserExistenceErrors: LEGACY # <--
`,
    tf(`resource "aws_cognito_user_pool_client" "web" { # <--
  name         = "web"
  user_pool_id = "eu-west-1_AbCdEf123"
}
`, { name: 'LEGACY by default' }),
    tf(`resource "aws_cognito_user_pool_client" "web" {
  name                          = "web"
  user_pool_id                  = "eu-west-1_AbCdEf123"
  prevent_user_existence_errors = "LEGACY" # <--
}
`),
  ],
  unknown: [
    tf(`variable "user_existence_errors" {
  type = string
}

resource "aws_cognito_user_pool_client" "web" {
  name                          = "web"
  user_pool_id                  = "eu-west-1_AbCdEf123"
  prevent_user_existence_errors = var.user_existence_errors # <--
}
`),
  ],
});
