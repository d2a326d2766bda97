import control from '../../../src/controls/authentication/appsyncNoApiKey.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Api:
    Type: AWS::AppSync::GraphQLApi
    Properties:
      Name: orders
      AuthenticationType: AMAZON_COGNITO_USER_POOLS # <--
      UserPoolConfig: { UserPoolId: eu-west-1_abc, AwsRegion: eu-west-1, DefaultAction: ALLOW }
      AdditionalAuthenticationProviders:
        - AuthenticationType: AWS_IAM
`,
    tf(`resource "aws_appsync_graphql_api" "orders" {
  name                = "orders"
  authentication_type = "AWS_IAM" # <--
}
`, { name: 'IAM' }),
  ],
  fail: [
    `Resources:
  Api:
    Type: AWS::AppSync::GraphQLApi
    Properties:
      Name: orders
      AuthenticationType: API_KEY # <--
`,
    `Resources:
  Api:
    Type: AWS::AppSync::GraphQLApi
    Properties:
      Name: orders
      AuthenticationType: AWS_IAM
      AdditionalAuthenticationProviders:
        - AuthenticationType: API_KEY # <--
`,
    tf(`resource "aws_appsync_graphql_api" "orders" {
  name                = "orders"
  authentication_type = "API_KEY" # <--
}
`, { name: 'API_KEY' }),
    tf(`resource "aws_appsync_graphql_api" "orders" {
  name                = "orders"
  authentication_type = "AWS_IAM"

  additional_authentication_provider {
    authentication_type = "API_KEY" # <--
  }
}
`, { name: 'API_KEY as an additional provider' }),
  ],
  unknown: [
    tf(`variable "auth" {
  type = string
}

resource "aws_appsync_graphql_api" "orders" {
  name                = "orders"
  authentication_type = var.auth # <--
}
`, { name: 'from a variable without a value' }),
  ],
});
