import control from '../../../src/controls/audit/apigwExecutionLogging.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: api-1
      DeploymentId: dep-1
      StageName: prod
      MethodSettings:
        - ResourcePath: /*
          HttpMethod: "*"
          LoggingLevel: ERROR # <--
`,
    tf(`resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = "api-1"
  deployment_id = "dep-1"
  stage_name    = "prod"
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = "api-1"
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    logging_level = "INFO" # <--
  }
}
`, { name: 'method settings for */* at INFO' }),
  ],
  fail: [
    `Resources:
  Stage: # <--
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: api-1
      DeploymentId: dep-1
      StageName: prod
`,
    `Resources:
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: api-1
      DeploymentId: dep-1
      StageName: prod
      MethodSettings:
        - ResourcePath: /*
          HttpMethod: "*"
          LoggingLevel: "OFF" # <--
`,
    tf(`resource "aws_api_gateway_stage" "prod" { # <--
  rest_api_id   = "api-1"
  deployment_id = "dep-1"
  stage_name    = "prod"
}
`, { name: 'no method settings' }),
  ],
  unknown: [
    { name: 'level from a parameter without a value', template: `Parameters:
  Level: { Type: String }
Resources:
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: api-1
      DeploymentId: dep-1
      StageName: prod
      MethodSettings:
        - ResourcePath: /*
          HttpMethod: "*"
          LoggingLevel: !Ref Level # <--
` },
  ],
});
