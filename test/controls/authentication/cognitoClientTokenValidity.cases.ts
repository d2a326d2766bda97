import control from '../../../src/controls/authentication/cognitoClientTokenValidity.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
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
      AccessTokenValidity: 30 # <--
      IdTokenValidity: 30
      RefreshTokenValidity: 24
      TokenValidityUnits: { AccessToken: minutes, IdToken: minutes, RefreshToken: hours }
`,
    tf(`resource "aws_cognito_user_pool_client" "web" { # <--
  name         = "web"
  user_pool_id = "eu-west-1_AbCdEf123"
}
`, { name: 'Cognito defaults' }),
    tf(`resource "aws_cognito_user_pool_client" "web" {
  name                   = "web"
  user_pool_id           = "eu-west-1_AbCdEf123"
  access_token_validity  = 30 # <--
  id_token_validity      = 30
  refresh_token_validity = 7

  token_validity_units {
    access_token  = "minutes"
    id_token      = "minutes"
    refresh_token = "days"
  }
}
`),
  ],
  fail: [
    `Resources:
  X:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: p
      AccessTokenValidity: 24 # <--
`,
    `Resources:
  X:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: p
      RefreshTokenValidity: 90 # <--
`,
    `Resources:
  X:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: p
      IdTokenValidity: 120 # <--
      TokenValidityUnits: { IdToken: minutes }
`,
    tf(`resource "aws_cognito_user_pool_client" "web" {
  name                   = "web"
  user_pool_id           = "eu-west-1_AbCdEf123"
  access_token_validity  = 1
  refresh_token_validity = 90 # <--
}
`, { name: 'refresh tokens for 90 days' }),
    tf(`resource "aws_cognito_user_pool_client" "web" {
  name                  = "web"
  user_pool_id          = "eu-west-1_AbCdEf123"
  access_token_validity = 60
  id_token_validity     = 120 # <--

  token_validity_units {
    access_token = "minutes"
    id_token     = "minutes"
  }
}
`, { name: 'ID tokens for 2 hours' }),
  ],
  unknown: [
    { name: 'a unit Cognito does not define is not read as hours', template: `Resources:
  X:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: p
      AccessTokenValidity: 1
      TokenValidityUnits: { AccessToken: weeks } # <--
` },
    { name: "validity from parameter without default", template: `Parameters:
  P: { Type: String }
Resources:
  X:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: p
      AccessTokenValidity: !Ref P # <--
` },
    tf(`variable "access_token_minutes" {
  type = number
}

resource "aws_cognito_user_pool_client" "web" {
  name                  = "web"
  user_pool_id          = "eu-west-1_AbCdEf123"
  access_token_validity = var.access_token_minutes # <--

  token_validity_units {
    access_token = "minutes"
  }
}
`),
  ],
});
