import control from '../../../src/controls/data-protection/apigwNoDataTrace.js';
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
      MethodSettings: # <--
        - ResourcePath: /*
          HttpMethod: "*"
          LoggingLevel: ERROR
          DataTraceEnabled: false
`,
    tf(`resource "aws_api_gateway_stage" "prod" { # <--
  rest_api_id   = "api-1"
  deployment_id = "dep-1"
  stage_name    = "prod"
}
`, { name: 'no method settings' }),
  ],
  fail: [
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
          DataTraceEnabled: true # <--
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
    logging_level      = "INFO"
    data_trace_enabled = true # <--
  }
}
`, { name: 'data_trace_enabled = true' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Trace: { Type: String }
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
          DataTraceEnabled: !Ref Trace # <--
` },
  ],
});
