import control from '../../../src/controls/network/apigwDomainTls.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  D:
    Type: AWS::ApiGateway::DomainName
    Properties: { DomainName: api.example.com, RegionalCertificateArn: cert, SecurityPolicy: TLS_1_2 }`,
    `Resources:
  D:
    Type: AWS::ApiGatewayV2::DomainName
    Properties:
      DomainName: api.example.com
      DomainNameConfigurations: [{ CertificateArn: cert, EndpointType: REGIONAL, SecurityPolicy: TLS_1_2 }]`,
  ],
  fail: [
    `Resources:
  D:
    Type: AWS::ApiGateway::DomainName
    Properties: { DomainName: api.example.com, RegionalCertificateArn: cert, SecurityPolicy: TLS_1_0 }`,
    { name: 'SecurityPolicy not set', template: `Resources:
  D:
    Type: AWS::ApiGateway::DomainName
    Properties: { DomainName: api.example.com, CertificateArn: cert }` },
    { name: 'SAM Api domain with TLS 1.0', template: `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      Domain: { DomainName: api.example.com, CertificateArn: cert, SecurityPolicy: TLS_1_0 }` },
  ],
  unknown: [
    { name: 'policy parameter without default', template: `Parameters:
  P: { Type: String }
Resources:
  D:
    Type: AWS::ApiGateway::DomainName
    Properties: { DomainName: api.example.com, CertificateArn: cert, SecurityPolicy: !Ref P }` },
  ],
  not_applicable: [
    `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties: { StageName: prod }`,
  ],
});
