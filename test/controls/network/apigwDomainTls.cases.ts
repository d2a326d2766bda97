import control from '../../../src/controls/network/apigwDomainTls.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  D:
    Type: AWS::ApiGateway::DomainName
    Properties: { DomainName: api.example.com, RegionalCertificateArn: cert, SecurityPolicy: TLS_1_2 } # <--
`,
    `Resources:
  D:
    Type: AWS::ApiGatewayV2::DomainName
    Properties:
      DomainName: api.example.com
      DomainNameConfigurations: [{ CertificateArn: cert, EndpointType: REGIONAL, SecurityPolicy: TLS_1_2 }] # <--
`,
    tf(`resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
  security_policy          = "TLS_1_2" # <--

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}
`),
    tf(`resource "aws_apigatewayv2_domain_name" "api" {
  domain_name = "api.example.com"

  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2" # <--
  }
}
`, { name: 'HTTP API custom domain' }),
  ],
  fail: [
    `Resources:
  D:
    Type: AWS::ApiGateway::DomainName
    Properties: { DomainName: api.example.com, RegionalCertificateArn: cert, SecurityPolicy: TLS_1_0 } # <--
`,
    { name: 'SecurityPolicy not set', template: `Resources:
  D: # <--
    Type: AWS::ApiGateway::DomainName
    Properties: { DomainName: api.example.com, CertificateArn: cert }
` },
    { name: 'SAM Api domain with TLS 1.0', template: `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      Domain: { DomainName: api.example.com, CertificateArn: cert, SecurityPolicy: TLS_1_0 } # <--
` },
    tf(`resource "aws_api_gateway_domain_name" "api" {
  domain_name     = "api.example.com"
  certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/abc"
  security_policy = "TLS_1_0" # <--
}
`, { name: 'edge-optimised domain accepting TLS 1.0' }),
    tf(`resource "aws_api_gateway_domain_name" "api" { # <--
  domain_name     = "api.example.com"
  certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/abc"
}
`, { name: 'security_policy not set' }),
  ],
  unknown: [
    { name: 'policy parameter without default', template: `Parameters:
  P: { Type: String }
Resources:
  D:
    Type: AWS::ApiGateway::DomainName
    Properties: { DomainName: api.example.com, CertificateArn: cert, SecurityPolicy: !Ref P } # <--
` },
    tf(`variable "tls_policy" {
  type = string
}

resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
  security_policy          = var.tls_policy # <--

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}
`, { name: 'policy from a variable without a value' }),
  ],
  not_applicable: [
    `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties: { StageName: prod }`,
  ],
});
