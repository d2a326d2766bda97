import control from '../../../src/controls/network/cfOriginTlsProtocols.js';
import { cases, tf } from '../../helpers/cases.js';
import { tfDistribution } from '../builders/cloudfront.js';

const dist = (protocols: string) => `Resources:
  D:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: app
            DomainName: app.example.com
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: ${protocols} # <--
        DefaultCacheBehavior: { TargetOriginId: app, ViewerProtocolPolicy: https-only }
`;

const origin = (protocols: string) => `  origin {
    origin_id   = "app"
    domain_name = "app.example.com"

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ${protocols} # <--
    }
  }
`;

export default cases(control, {
  pass: [
    dist('[TLSv1.2]'),
    tf(tfDistribution({ origins: origin('["TLSv1.2"]') }), { name: 'TLSv1.2 only' }),
  ],
  fail: [
    dist('[TLSv1, TLSv1.1, TLSv1.2]'),
    dist('[SSLv3, TLSv1.2]'),
    tf(tfDistribution({ origins: origin('["TLSv1.1", "TLSv1.2"]') }), { name: 'TLSv1.1 offered' }),
  ],
  unknown: [
    { name: 'protocols parameter without a value', template: `Parameters:
  P: { Type: CommaDelimitedList }
${dist('!Ref P')}` },
    tf(tfDistribution({
      before: 'variable "origin_protocols" {\n  type = list(string)\n}\n\n',
      origins: origin('var.origin_protocols'),
    }), { name: 'protocols from a variable without a value' }),
  ],
  not_applicable: [
    `Resources:
  D:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins: [{ Id: s3, DomainName: b.s3.amazonaws.com, S3OriginConfig: {} }]
        DefaultCacheBehavior: { TargetOriginId: s3, ViewerProtocolPolicy: https-only }`,
  ],
});
