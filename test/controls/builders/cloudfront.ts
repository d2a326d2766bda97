// A Terraform CloudFront distribution for the CloudFront case tables: every required block,
// with the parts a case is about replaceable (each written at the indentation of the
// resource's arguments, 2 spaces) and optional text before and after the resource.
export interface TfDistribution {
  /** `origin` blocks; a custom HTTPS-only origin when omitted. */
  origins?: string;
  /** The default_cache_behavior's viewer_protocol_policy line; redirect-to-https when omitted. */
  viewerPolicy?: string;
  /** `ordered_cache_behavior` blocks and other arguments written after the default behaviour. */
  behaviours?: string;
  /** The `viewer_certificate` block; an ACM certificate with TLSv1.2_2021 when omitted. */
  certificate?: string;
  /** Further arguments of the distribution (logging_config, web_acl_id). */
  extra?: string;
  /** A mark (` # <--`) on the resource line. */
  mark?: boolean;
  before?: string;
  after?: string;
}

const ORIGIN = `  origin {
    origin_id   = "app"
    domain_name = "app.example.com"

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
`;

const CERTIFICATE = `  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:111122223333:certificate/abc"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
`;

export function tfDistribution(o: TfDistribution = {}): string {
  const block = (s: string | undefined, d: string) => (s ?? d).replace(/^\n/, '').replace(/\n?$/, '\n');
  return `${o.before ?? ''}resource "aws_cloudfront_distribution" "cdn" {${o.mark ? ' # <--' : ''}
  enabled = true
  aliases = ["www.example.com"]
${o.extra ? block(o.extra, '') : ''}
${block(o.origins, ORIGIN)}
  default_cache_behavior {
    target_origin_id       = "app"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
${block(o.viewerPolicy, '    viewer_protocol_policy = "redirect-to-https"')}  }
${o.behaviours ? `\n${block(o.behaviours, '')}` : ''}
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

${block(o.certificate, CERTIFICATE)}}
${o.after ?? ''}`;
}
