import control from '../../../src/controls/network/cfS3OriginAccess.js';
import { cases, tf } from '../../helpers/cases.js';
import { tfDistribution } from '../builders/cloudfront.js';

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
            OriginAccessControlId: !GetAtt Oac.Id # <--
            S3OriginConfig: { OriginAccessIdentity: "" }
        DefaultCacheBehavior: { TargetOriginId: s3, ViewerProtocolPolicy: https-only }
`,
    tf(tfDistribution({
      origins: `  origin {
    origin_id                = "site"
    domain_name              = aws_s3_bucket.site.bucket_regional_domain_name
    origin_access_control_id = aws_cloudfront_origin_access_control.site.id # <--
  }
`,
      after: `
resource "aws_s3_bucket" "site" {
  bucket = "acme-site"
}

resource "aws_cloudfront_origin_access_control" "site" {
  name                              = "site"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}
`,
    }), { name: 'origin access control' }),
    tf(tfDistribution({
      origins: `  origin {
    origin_id   = "site"
    domain_name = "acme-site.s3.eu-west-1.amazonaws.com"

    s3_origin_config {
      origin_access_identity = aws_cloudfront_origin_access_identity.site.cloudfront_access_identity_path # <--
    }
  }
`,
      after: `
resource "aws_cloudfront_origin_access_identity" "site" {
  comment = "site"
}
`,
    }), { name: 'legacy origin access identity' }),
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
          - Id: s3 # <--
            DomainName: !GetAtt Bucket.RegionalDomainName
            S3OriginConfig: {}
        DefaultCacheBehavior: { TargetOriginId: s3, ViewerProtocolPolicy: https-only }
`,
    tf(tfDistribution({
      origins: `  origin { # <--
    origin_id   = "site"
    domain_name = aws_s3_bucket.site.bucket_regional_domain_name
  }
`,
      after: `
resource "aws_s3_bucket" "site" {
  bucket = "acme-site"
}
`,
    }), { name: 'bucket origin without access control' }),
    tf(tfDistribution({
      origins: `  origin { # <--
    origin_id   = "site"
    domain_name = "acme-site.s3.amazonaws.com"

    s3_origin_config {
      origin_access_identity = ""
    }
  }
`,
    }), { name: 'empty origin access identity' }),
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
    tf(tfDistribution({
      origins: `  origin {
    origin_id   = "site"
    domain_name = aws_s3_bucket_website_configuration.site.website_endpoint

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "http-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
`,
    }), { name: 'website endpoint as a custom origin' }),
  ],
});
