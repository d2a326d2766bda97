import control from '../../../src/controls/network/cfMinimumTls.js';
import { cases } from '../../helpers/cases.js';

const dist = (vc: string) => `Resources:
  D:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        DefaultCacheBehavior: { TargetOriginId: o, ViewerProtocolPolicy: https-only }
${vc}`;

export default cases(control, {
  pass: [
    dist(`        ViewerCertificate: { AcmCertificateArn: cert, SslSupportMethod: sni-only, MinimumProtocolVersion: TLSv1.2_2021 }`),
    dist(`        ViewerCertificate: { AcmCertificateArn: cert, SslSupportMethod: sni-only, MinimumProtocolVersion: TLSv1.2_2019 }`),
  ],
  fail: [
    dist(`        ViewerCertificate: { AcmCertificateArn: cert, SslSupportMethod: sni-only, MinimumProtocolVersion: TLSv1.1_2016 }`),
    { name: 'default CloudFront certificate', template: dist(`        ViewerCertificate: { CloudFrontDefaultCertificate: true }`) },
    { name: 'no ViewerCertificate at all', template: dist('') },
  ],
  unknown: [
    { name: 'version parameter with allowed values', template: `Parameters:
  V: { Type: String, AllowedValues: [TLSv1.2_2021, TLSv1] }
${dist(`        ViewerCertificate: { AcmCertificateArn: cert, SslSupportMethod: sni-only, MinimumProtocolVersion: !Ref V }`)}` },
  ],
});
