import control from '../../../src/controls/resilience/cfOriginFailover.js';
import { cases, tf } from '../../helpers/cases.js';
import { tfDistribution } from '../builders/cloudfront.js';

export default cases(control, {
  pass: [
    `Resources:
  D:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - { Id: primary, DomainName: a.example.com, CustomOriginConfig: { OriginProtocolPolicy: https-only } }
          - { Id: secondary, DomainName: b.example.com, CustomOriginConfig: { OriginProtocolPolicy: https-only } }
        OriginGroups:
          Quantity: 1
          Items:
            - Id: app
              FailoverCriteria: { StatusCodes: { Quantity: 2, Items: [502, 503] } }
              Members: { Quantity: 2, Items: [{ OriginId: primary }, { OriginId: secondary }] }
        DefaultCacheBehavior:
          TargetOriginId: app # <--
          ViewerProtocolPolicy: https-only
`,
    tf(`resource "aws_cloudfront_distribution" "cdn" {
  enabled = true

  origin {
    origin_id   = "primary"
    domain_name = "a.example.com"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  origin {
    origin_id   = "secondary"
    domain_name = "b.example.com"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  origin_group {
    origin_id = "app"
    failover_criteria {
      status_codes = [502, 503]
    }
    member {
      origin_id = "primary"
    }
    member {
      origin_id = "secondary"
    }
  }

  default_cache_behavior {
    target_origin_id       = "app" # <--
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    viewer_protocol_policy = "https-only"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
`, { name: 'default behaviour targets an origin group' }),
  ],
  fail: [
    `Resources:
  D:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig: # <--
        Enabled: true
        Origins: [{ Id: s3, DomainName: b.s3.amazonaws.com, S3OriginConfig: {} }]
        DefaultCacheBehavior: { TargetOriginId: s3, ViewerProtocolPolicy: https-only }
`,
    tf(tfDistribution({ mark: true }), { name: 'single origin' }),
  ],
});
