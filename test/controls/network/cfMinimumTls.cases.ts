import control from '../../../src/controls/network/cfMinimumTls.js';
import { cases, tf } from '../../helpers/cases.js';
import { tfDistribution } from '../builders/cloudfront.js';

const dist = (vc: string, markConfig = false) => `Resources:
  D:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:${markConfig ? ' # <--' : ''}
        Enabled: true
        DefaultCacheBehavior: { TargetOriginId: o, ViewerProtocolPolicy: https-only }
${vc}
`;

const cert = (version: string) => `  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:111122223333:certificate/abc"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = ${version} # <--
  }
`;

export default cases(control, {
  pass: [
    dist(`        ViewerCertificate: { AcmCertificateArn: cert, SslSupportMethod: sni-only, MinimumProtocolVersion: TLSv1.2_2021 } # <--`),
    dist(`        ViewerCertificate: { AcmCertificateArn: cert, SslSupportMethod: sni-only, MinimumProtocolVersion: TLSv1.2_2019 } # <--`),
    tf(tfDistribution({ certificate: cert('"TLSv1.2_2021"') })),
  ],
  fail: [
    dist(`        ViewerCertificate: { AcmCertificateArn: cert, SslSupportMethod: sni-only, MinimumProtocolVersion: TLSv1.1_2016 } # <--`),
    { name: 'default CloudFront certificate', template: dist(`        ViewerCertificate: { CloudFrontDefaultCertificate: true } # <--`) },
    { name: 'no ViewerCertificate at all', template: dist('', true) },
    tf(tfDistribution({ certificate: cert('"TLSv1"') }), { name: 'custom certificate accepting TLS 1.0' }),
    tf(tfDistribution({ certificate: `  viewer_certificate {
    cloudfront_default_certificate = true # <--
  }
` }), { name: 'default CloudFront certificate' }),
    tf(tfDistribution({ certificate: `  viewer_certificate { # <--
    acm_certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/abc"
    ssl_support_method  = "sni-only"
  }
` }), { name: 'no minimum_protocol_version: the provider\'s default TLSv1' }),
  ],
  unknown: [
    { name: 'version parameter with allowed values', template: `Parameters:
  V: { Type: String, AllowedValues: [TLSv1.2_2021, TLSv1] }
${dist(`        ViewerCertificate: { AcmCertificateArn: cert, SslSupportMethod: sni-only, MinimumProtocolVersion: !Ref V } # <--`)}` },
    tf(tfDistribution({
      before: 'variable "minimum_tls" {\n  type = string\n}\n\n',
      certificate: cert('var.minimum_tls'),
    }), { name: 'version from a variable without a value' }),
  ],
});
