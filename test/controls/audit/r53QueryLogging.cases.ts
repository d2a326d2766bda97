import control from '../../../src/controls/audit/r53QueryLogging.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Zone:
    Type: AWS::Route53::HostedZone
    Properties:
      Name: example.com
      QueryLoggingConfig:
        CloudWatchLogsLogGroupArn: arn:aws:logs:us-east-1:111122223333:log-group:/aws/route53/example.com # <--
`,
    tf(`resource "aws_route53_zone" "main" {
  name = "example.com"
}

resource "aws_route53_query_log" "main" {
  zone_id                  = aws_route53_zone.main.zone_id
  cloudwatch_log_group_arn = "arn:aws:logs:us-east-1:111122223333:log-group:/aws/route53/example.com" # <--
}
`, { name: 'aws_route53_query_log for the zone' }),
  ],
  fail: [
    `Resources:
  Zone: # <--
    Type: AWS::Route53::HostedZone
    Properties:
      Name: example.com
`,
    tf(`resource "aws_route53_zone" "main" { # <--
  name = "example.com"
}
`, { name: 'no query log' }),
  ],
  not_applicable: [
    tf(`resource "aws_route53_zone" "internal" {
  name = "corp.internal"

  vpc {
    vpc_id = "vpc-1"
  }
}
`, { name: 'private zone' }),
  ],
});
