import control from '../../../src/controls/audit/cloudTrailInsights.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: acme-cloudtrail
      InsightSelectors:
        - InsightType: ApiCallRateInsight # <--
`,
    tf(`resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "acme-cloudtrail"

  insight_selector {
    insight_type = "ApiErrorRateInsight" # <--
  }
}
`, { name: 'insight_selector' }),
  ],
  fail: [
    `Resources:
  Trail: # <--
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: acme-cloudtrail
`,
    tf(`resource "aws_cloudtrail" "main" { # <--
  name           = "main"
  s3_bucket_name = "acme-cloudtrail"
}
`, { name: 'no insight_selector' }),
  ],
  unknown: [
    { name: 'type from a parameter', template: `Parameters:
  Insight: { Type: String }
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: acme-cloudtrail
      InsightSelectors:
        - InsightType: !Ref Insight # <--
` },
  ],
});
