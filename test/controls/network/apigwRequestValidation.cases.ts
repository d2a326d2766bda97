import control from '../../../src/controls/network/apigwRequestValidation.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Validator:
    Type: AWS::ApiGateway::RequestValidator
    Properties:
      RestApiId: api-1
      ValidateRequestBody: true
      ValidateRequestParameters: true
  Post:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: api-1
      ResourceId: res-1
      HttpMethod: POST
      AuthorizationType: AWS_IAM
      RequestValidatorId: !Ref Validator # <--
`,
    tf(`resource "aws_api_gateway_request_validator" "all" {
  name                        = "all"
  rest_api_id                 = "api-1"
  validate_request_body       = true
  validate_request_parameters = true
}

resource "aws_api_gateway_method" "post" {
  rest_api_id          = "api-1"
  resource_id          = "res-1"
  http_method          = "POST"
  authorization        = "AWS_IAM"
  request_validator_id = aws_api_gateway_request_validator.all.id # <--
}
`, { name: 'request_validator_id set' }),
  ],
  fail: [
    `Resources:
  Post: # <--
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: api-1
      ResourceId: res-1
      HttpMethod: POST
      AuthorizationType: AWS_IAM
`,
    tf(`resource "aws_api_gateway_method" "post" { # <--
  rest_api_id   = "api-1"
  resource_id   = "res-1"
  http_method   = "POST"
  authorization = "AWS_IAM"
}
`, { name: 'no request validator' }),
  ],
  not_applicable: [
    tf(`resource "aws_api_gateway_method" "preflight" {
  rest_api_id   = "api-1"
  resource_id   = "res-1"
  http_method   = "OPTIONS"
  authorization = "NONE"
}
`, { name: 'CORS preflight' }),
  ],
});
