import control from '../../../src/controls/authentication/cognitoClientNoPasswordAuth.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  X:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: p
      ExplicitAuthFlows: [ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH] # <--
`,
    `Resources:
  X: # <--
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: p
`,
    tf(`resource "aws_cognito_user_pool" "users" {
  name = "users"
}

resource "aws_cognito_user_pool_client" "web" {
  name                = "web"
  user_pool_id        = aws_cognito_user_pool.users.id
  explicit_auth_flows = ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] # <--
}
`),
  ],
  fail: [
    `Resources:
  X:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: p
      ExplicitAuthFlows: [ALLOW_USER_PASSWORD_AUTH, ALLOW_REFRESH_TOKEN_AUTH] # <--
`,
    `Resources:
  X:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: p
      ExplicitAuthFlows: [ADMIN_NO_SRP_AUTH] # <--
`,
    tf(`resource "aws_cognito_user_pool_client" "cli" {
  name         = "cli"
  user_pool_id = "eu-west-1_AbCdEf123"
  explicit_auth_flows = [ # <--
    "ALLOW_USER_PASSWORD_AUTH",
    "ALLOW_REFRESH_TOKEN_AUTH",
  ]
}
`),
  ],
  unknown: [
    tf(`variable "auth_flows" {
  type = list(string)
}

resource "aws_cognito_user_pool_client" "web" {
  name                = "web"
  user_pool_id        = "eu-west-1_AbCdEf123"
  explicit_auth_flows = var.auth_flows # <--
}
`),
  ],
});
