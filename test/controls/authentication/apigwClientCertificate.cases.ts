import control from '../../../src/controls/authentication/apigwClientCertificate.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Cert:
    Type: AWS::ApiGateway::ClientCertificate
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: api-1
      DeploymentId: dep-1
      StageName: prod
      ClientCertificateId: !Ref Cert # <--
`,
    tf(`resource "aws_api_gateway_client_certificate" "backend" {
  description = "backend"
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id           = "api-1"
  deployment_id         = "dep-1"
  stage_name            = "prod"
  client_certificate_id = aws_api_gateway_client_certificate.backend.id # <--
}
`, { name: 'client_certificate_id set' }),
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
    tf(`resource "aws_api_gateway_stage" "prod" { # <--
  rest_api_id   = "api-1"
  deployment_id = "dep-1"
  stage_name    = "prod"
}
`, { name: 'no client certificate' }),
  ],
  unknown: [
    tf(`variable "client_cert" {
  type = string
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id           = "api-1"
  deployment_id         = "dep-1"
  stage_name            = "prod"
  client_certificate_id = var.client_cert # <--
}
`, { name: 'from a variable without a value' }),
  ],
});
