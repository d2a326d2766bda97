import control from '../../../src/controls/audit/apigwAccessLogging.js';
import { cases, tf } from '../../helpers/cases.js';

const restApi = `resource "aws_api_gateway_rest_api" "api" {
  name = "orders"
}

resource "aws_api_gateway_deployment" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id
}
`;

export default cases(control, {
  pass: [
    `Resources:
  Logs:
    Type: AWS::Logs::LogGroup
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: api
      StageName: prod
      AccessLogSetting: { DestinationArn: !GetAtt Logs.Arn, Format: $context.requestId } # <--
`,
    { name: 'SAM HttpApi', template: `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::HttpApi
    Properties:
      AccessLogSettings: { DestinationArn: arn:aws:logs:eu-west-1:111122223333:log-group:api, Format: $context.requestId } # <--
` },
    tf(`${restApi}
resource "aws_cloudwatch_log_group" "access" {
  name              = "/apigateway/orders"
  retention_in_days = 365
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "prod"

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn # <--
    format          = jsonencode({ requestId = "$context.requestId", status = "$context.status" })
  }
}
`),
    tf(`resource "aws_apigatewayv2_api" "http" {
  name          = "orders"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true

  access_log_settings {
    destination_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:/apigateway/orders" # <--
    format          = "$context.requestId $context.status"
  }
}
`, { name: 'HTTP API stage' }),
  ],
  fail: [
    `Resources:
  Stage: # <--
    Type: AWS::ApiGatewayV2::Stage
    Properties: { ApiId: api, StageName: $default, AutoDeploy: true }
`,
    `Resources:
  Dep: # <--
    Type: AWS::ApiGateway::Deployment
    Properties: { RestApiId: api, StageName: prod }
`,
    tf(`${restApi}
resource "aws_api_gateway_stage" "prod" { # <--
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "prod"
}
`, { name: 'REST API stage without access_log_settings' }),
    tf(`resource "aws_apigatewayv2_stage" "default" { # <--
  api_id      = "a1b2c3d4e5"
  name        = "$default"
  auto_deploy = true
}
`, { name: 'HTTP API stage without access_log_settings' }),
    tf(`resource "aws_api_gateway_deployment" "prod" { # <--
  rest_api_id = "a1b2c3d4e5"
  stage_name  = "prod"
}
`, { name: 'stage created by a deployment' }),
  ],
  unknown: [
    { name: 'destination parameter without default', template: `Parameters:
  Dest: { Type: String }
Resources:
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties: { RestApiId: api, StageName: prod, AccessLogSetting: { DestinationArn: !Ref Dest } } # <--
` },
    tf(`variable "access_log_arn" {
  type = string
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = "a1b2c3d4e5"
  deployment_id = "abc123"
  stage_name    = "prod"

  access_log_settings {
    destination_arn = var.access_log_arn # <--
    format          = "$context.requestId"
  }
}
`, { name: 'destination from a variable without a value' }),
  ],
  not_applicable: [
    `Resources:
  Dep:
    Type: AWS::ApiGateway::Deployment
    Properties: { RestApiId: api }`,
    tf(restApi),
  ],
});
