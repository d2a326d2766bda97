import control from '../../../src/controls/authentication/cognitoClientNoImplicitFlow.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  X:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: p
      AllowedOAuthFlows: [code] # <--
`,
    `Resources:
  X: # <--
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: p
`,
    tf(`resource "aws_cognito_user_pool_client" "web" {
  name                                 = "web"
  user_pool_id                         = "eu-west-1_AbCdEf123"
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"] # <--
  allowed_oauth_scopes                 = ["openid", "email"]
  callback_urls                        = ["https://app.example.com/callback"]
  supported_identity_providers         = ["COGNITO"]
}
`),
  ],
  fail: [
    `Resources:
  X:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: p
      AllowedOAuthFlows: [code, implicit] # <--
`,
    tf(`resource "aws_cognito_user_pool_client" "spa" {
  name                                 = "spa"
  user_pool_id                         = "eu-west-1_AbCdEf123"
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["implicit"] # <--
  allowed_oauth_scopes                 = ["openid"]
  callback_urls                        = ["https://app.example.com/"]
  supported_identity_providers         = ["COGNITO"]
}
`),
  ],
  unknown: [
    { name: "flow from parameter without default", template: `Parameters:
  P: { Type: String }
Resources:
  X:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: p
      AllowedOAuthFlows: [!Ref P] # <--
` },
    tf(`variable "oauth_flows" {
  type = list(string)
}

resource "aws_cognito_user_pool_client" "web" {
  name                = "web"
  user_pool_id        = "eu-west-1_AbCdEf123"
  allowed_oauth_flows = var.oauth_flows # <--
}
`),
  ],
});
