import control from '../../../src/controls/authorization/apigwMethodAuthorization.js';
import { cases, tf } from '../../helpers/cases.js';

const restApi = `resource "aws_api_gateway_rest_api" "api" {
  name = "orders"
}

resource "aws_api_gateway_resource" "orders" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_rest_api.api.root_resource_id
  path_part   = "orders"
}
`;

const method = (http: string, auth: string, extra = '') => `${restApi}
resource "aws_api_gateway_method" "m" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "${http}"
  authorization = ${auth}${extra}
}
`;

export default cases(control, {
  pass: [
    `Resources:
  M:
    Type: AWS::ApiGateway::Method
    Properties: { RestApiId: api, ResourceId: res, HttpMethod: GET, AuthorizationType: AWS_IAM } # <--
`,
    `Resources:
  R:
    Type: AWS::ApiGatewayV2::Route
    Properties: { ApiId: api, RouteKey: GET /items, AuthorizationType: JWT, AuthorizerId: auth } # <--
`,
    tf(method('GET', '"AWS_IAM" # <--')),
    tf(method('POST', '"COGNITO_USER_POOLS" # <--', `
  authorizer_id = aws_api_gateway_authorizer.users.id`).replace(`resource "aws_api_gateway_method"`, `resource "aws_api_gateway_authorizer" "users" {
  name          = "users"
  rest_api_id   = aws_api_gateway_rest_api.api.id
  type          = "COGNITO_USER_POOLS"
  provider_arns = ["arn:aws:cognito-idp:eu-west-1:111122223333:userpool/eu-west-1_abc"]
}

resource "aws_api_gateway_method"`), { name: 'Cognito user pool authorizer' }),
    tf(`resource "aws_apigatewayv2_route" "items" {
  api_id             = "a1b2c3d4e5"
  route_key          = "GET /items"
  authorization_type = "JWT" # <--
  authorizer_id      = "abc123"
}
`, { name: 'HTTP API route with a JWT authorizer' }),
  ],
  fail: [
    `Resources:
  M:
    Type: AWS::ApiGateway::Method
    Properties: { RestApiId: api, ResourceId: res, HttpMethod: POST, AuthorizationType: NONE } # <--
`,
    { name: 'route without AuthorizationType', template: `Resources:
  R: # <--
    Type: AWS::ApiGatewayV2::Route
    Properties: { ApiId: api, RouteKey: POST /items }
` },
    tf(method('POST', '"NONE" # <--'), { name: 'open REST method' }),
    tf(`resource "aws_apigatewayv2_route" "items" { # <--
  api_id    = "a1b2c3d4e5"
  route_key = "POST /items"
  target    = "integrations/abc123"
}
`, { name: 'HTTP API route without authorization_type' }),
  ],
  unknown: [
    { name: 'authorization chosen by a condition', template: `Parameters:
  Env: { Type: String }
Conditions:
  Prod: !Equals [!Ref Env, prod]
Resources:
  M:
    Type: AWS::ApiGateway::Method
    Properties: { RestApiId: api, ResourceId: res, HttpMethod: GET, AuthorizationType: !If [Prod, AWS_IAM, NONE] } # <--
` },
    tf(`variable "environment" {
  type = string
}
${method('GET', 'var.environment == "prod" ? "AWS_IAM" : "NONE" # <--')}`, { name: 'authorization chosen by a variable without a value' }),
  ],
  not_applicable: [
    `Resources:
  M:
    Type: AWS::ApiGateway::Method
    Properties: { RestApiId: api, ResourceId: res, HttpMethod: OPTIONS, AuthorizationType: NONE }`,
    `Resources:
  Api:
    Type: AWS::ApiGatewayV2::Api
    Properties: { Name: ws, ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action }
  R:
    Type: AWS::ApiGatewayV2::Route
    Properties: { ApiId: !Ref Api, RouteKey: sendmessage }`,
    tf(method('OPTIONS', '"NONE"')),
    tf(`resource "aws_apigatewayv2_api" "ws" {
  name                       = "chat"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_apigatewayv2_route" "send" {
  api_id    = aws_apigatewayv2_api.ws.id
  route_key = "sendmessage"
}
`),
  ],
});
