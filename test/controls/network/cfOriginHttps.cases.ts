import control from '../../../src/controls/network/cfOriginHttps.js';
import { cases, tf } from '../../helpers/cases.js';
import { tfDistribution } from '../builders/cloudfront.js';

const dist = (policy: string) => `Resources:
  D:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - { Id: app, DomainName: app.example.com, CustomOriginConfig: { OriginProtocolPolicy: ${policy} } } # <--
        DefaultCacheBehavior: { TargetOriginId: app, ViewerProtocolPolicy: https-only }
`;

const origin = (policy: string) => `  origin {
    origin_id   = "app"
    domain_name = "app.example.com"

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = ${policy} # <--
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
`;

export default cases(control, {
  pass: [
    dist('https-only'),
    tf(tfDistribution({ origins: origin('"https-only"') })),
  ],
  fail: [
    dist('http-only'),
    dist('match-viewer'),
    tf(tfDistribution({ origins: origin('"http-only"') }), { name: 'origin reached over HTTP' }),
    tf(tfDistribution({ origins: origin('"match-viewer"') }), { name: 'origin protocol follows the viewer' }),
  ],
  unknown: [
    { name: 'policy parameter without default', template: `Parameters:
  P: { Type: String }
${dist('!Ref P')}` },
    tf(tfDistribution({
      before: 'variable "origin_protocol" {\n  type = string\n}\n\n',
      origins: origin('var.origin_protocol'),
    }), { name: 'policy from a variable without a value' }),
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
    tf(tfDistribution({ origins: `  origin {
    origin_id                = "app"
    domain_name              = aws_s3_bucket.site.bucket_regional_domain_name
    origin_access_control_id = "E2QWRUHAPOMQZL"
  }
`, after: '\nresource "aws_s3_bucket" "site" {\n  bucket = "acme-site"\n}\n' })),
  ],
});
