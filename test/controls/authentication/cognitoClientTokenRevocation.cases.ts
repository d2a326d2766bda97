import control from '../../../src/controls/authentication/cognitoClientTokenRevocation.js';
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
      EnableTokenRevocation: true # <--
`,
    tf(`resource "aws_cognito_user_pool_client" "web" { # <--
  name         = "web"
  user_pool_id = "eu-west-1_AbCdEf123"
}
`, { name: 'revocation on by default' }),
    tf(`resource "aws_cognito_user_pool_client" "web" {
  name                    = "web"
  user_pool_id            = "eu-west-1_AbCdEf123"
  enable_token_revocation = true # <--
}
`),
  ],
  fail: [
    `Resources:
  X:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: p
      EnableTokenRevocation: false # <--
`,
    tf(`resource "aws_cognito_user_pool_client" "web" {
  name                    = "web"
  user_pool_id            = "eu-west-1_AbCdEf123"
  enable_token_revocation = false # <--
}
`),
  ],
  unknown: [
    tf(`variable "token_revocation" {
  type = bool
}

resource "aws_cognito_user_pool_client" "web" {
  name                    = "web"
  user_pool_id            = "eu-west-1_AbCdEf123"
  enable_token_revocation = var.token_revocation # <--
}
`),
  ],
});
