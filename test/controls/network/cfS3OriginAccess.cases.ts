import control from '../../../src/controls/network/cfS3OriginAccess.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Oac:
    Type: AWS::CloudFront::OriginAccessControl
    Properties:
      OriginAccessControlConfig: { Name: oac, OriginAccessControlOriginType: s3, SigningBehavior: always, SigningProtocol: sigv4 }
  D:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: s3
            DomainName: !GetAtt Bucket.RegionalDomainName
            OriginAccessControlId: !GetAtt Oac.Id
            S3OriginConfig: { OriginAccessIdentity: "" }
        DefaultCacheBehavior: { TargetOriginId: s3, ViewerProtocolPolicy: https-only }`,
  ],
  fail: [
    `Resources:
  Bucket:
    Type: AWS::S3::Bucket
  D:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: s3
            DomainName: !GetAtt Bucket.RegionalDomainName
            S3OriginConfig: {}
        DefaultCacheBehavior: { TargetOriginId: s3, ViewerProtocolPolicy: https-only }`,
  ],
  not_applicable: [
    `Resources:
  D:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins: [{ Id: site, DomainName: b.s3-website-eu-west-1.amazonaws.com, CustomOriginConfig: { OriginProtocolPolicy: http-only } }]
        DefaultCacheBehavior: { TargetOriginId: site, ViewerProtocolPolicy: https-only }`,
  ],
});
