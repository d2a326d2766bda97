import control from '../../../src/controls/audit/cfLogging.js';
import { cases, tf } from '../../helpers/cases.js';
import { tfDistribution } from '../builders/cloudfront.js';

const config = (mark = '') => `Resources:
  D:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:${mark}
        Enabled: true
        DefaultCacheBehavior: { TargetOriginId: o, ViewerProtocolPolicy: https-only }`;
const base = config();

const source = `
resource "aws_cloudwatch_log_delivery_source" "cdn" {
  name         = "cdn-access"
  log_type     = "ACCESS_LOGS"
  resource_arn = aws_cloudfront_distribution.cdn.arn # <--
}
`;

const v2 = `${source.replace(' # <--', '')}
resource "aws_cloudwatch_log_delivery_destination" "s3" {
  name = "cdn-logs"

  delivery_destination_configuration {
    destination_resource_arn = "arn:aws:s3:::acme-cdn-logs"
  }
}

resource "aws_cloudwatch_log_delivery" "cdn" {
  delivery_source_name     = aws_cloudwatch_log_delivery_source.cdn.name # <--
  delivery_destination_arn = aws_cloudwatch_log_delivery_destination.s3.arn
}
`;

export default cases(control, {
  pass: [
    `${base}
        Logging: { Bucket: logs.s3.amazonaws.com, Prefix: cf/ } # <--
`,
    { name: 'standard logging v2 delivery source', template: `${base}
  Src:
    Type: AWS::Logs::DeliverySource
    Properties:
      Name: cf
      LogType: ACCESS_LOGS
      ResourceArn: !Sub arn:aws:cloudfront::\${AWS::AccountId}:distribution/\${D}
  Dst:
    Type: AWS::Logs::DeliveryDestination
    Properties:
      Name: cf-logs
      DestinationResourceArn: arn:aws:s3:::my-log-bucket
  Del:
    Type: AWS::Logs::Delivery
    Properties:
      DeliverySourceName: !Ref Src # <--
      DeliveryDestinationArn: !GetAtt Dst.Arn
` },
    { name: 'v2 delivery naming the source by its literal name', template: `${base}
  Src:
    Type: AWS::Logs::DeliverySource
    Properties:
      Name: cf-src
      LogType: ACCESS_LOGS
      ResourceArn: !Sub arn:aws:cloudfront::\${AWS::AccountId}:distribution/\${D}
  Del:
    Type: AWS::Logs::Delivery
    Properties:
      DeliverySourceName: cf-src # <--
      DeliveryDestinationArn: arn:aws:logs:us-east-1:111122223333:delivery-destination:cf
` },
    tf(tfDistribution({ extra: `  logging_config {
    bucket          = "acme-cdn-logs.s3.amazonaws.com" # <--
    prefix          = "cdn/"
    include_cookies = false
  }` })),
    tf(tfDistribution({ after: v2 }), { name: 'standard logging v2 delivery' }),
  ],
  fail: [`${config(' # <--')}
`,
    { name: 'v2 delivery source without any delivery', template: `${base}
  Src:
    Type: AWS::Logs::DeliverySource
    Properties:
      Name: cf
      LogType: ACCESS_LOGS
      ResourceArn: !Sub arn:aws:cloudfront::\${AWS::AccountId}:distribution/\${D} # <--
` },
    tf(tfDistribution({ mark: true }), { name: 'no logging_config' }),
    tf(tfDistribution({ after: source }), { name: 'v2 delivery source without any delivery' }),
  ],
  unknown: [
    { name: 'bucket parameter without default', template: `Parameters:
  B: { Type: String }
${base}
        Logging: { Bucket: !Ref B } # <--
` },
    tf(tfDistribution({
      before: 'variable "log_bucket" {\n  type = string\n}\n\n',
      extra: '  logging_config {\n    bucket = var.log_bucket # <--\n  }',
    }), { name: 'bucket from a variable without a value' }),
  ],
});
