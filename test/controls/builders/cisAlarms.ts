// Case tables of the CIS metric-filter-and-alarm controls (AT-CW-002..016): a trail delivering
// to a log group, a metric filter with the pattern under test, and an alarm on its metric.
import type { Control } from '../../../src/controls/api.js';
import { cases, tf, type Case, type CaseTable } from '../../helpers/cases.js';

type Mark = 'pattern' | 'arn' | 'alarm' | 'metric';

const yamlQuote = (s: string) => `'${s.replace(/'/g, "''")}'`;
const m = (on: boolean) => (on ? ' # <--' : '');

/** CloudFormation: trail -> log group -> filter -> alarm. */
export function cfnStack(pattern: string, o: { mark: Mark; alarm?: 'acts' | 'none' | 'silent'; patternParam?: boolean; alarmCondition?: boolean }): string {
  const alarm = o.alarm ?? 'acts';
  return `${o.patternParam ? 'Parameters:\n  Pattern: { Type: String }\n' : ''}${o.alarmCondition ? 'Parameters:\n  Env: { Type: String }\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\n' : ''}Resources:
  TrailGroup:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: cloudtrail
      RetentionInDays: 365
  Alerts:
    Type: AWS::SNS::Topic
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      IsMultiRegionTrail: true
      S3BucketName: acme-cloudtrail
      CloudWatchLogsLogGroupArn: !GetAtt TrailGroup.Arn${m(o.mark === 'arn')}
      CloudWatchLogsRoleArn: arn:aws:iam::111122223333:role/cloudtrail-logs
  Filter:
    Type: AWS::Logs::MetricFilter
    Properties:
      LogGroupName: !Ref TrailGroup
      FilterPattern: ${o.patternParam ? '!Ref Pattern' : yamlQuote(pattern)}${m(o.mark === 'pattern')}
      MetricTransformations:
        - MetricName: CisEvents${m(o.mark === 'metric')}
          MetricNamespace: CISBenchmark
          MetricValue: '1'
${alarm === 'none' ? '' : `  Alarm:${m(o.mark === 'alarm' && alarm === 'silent')}
    Type: AWS::CloudWatch::Alarm${o.alarmCondition ? '\n    Condition: IsProd' : ''}
    Properties:
      MetricName: CisEvents
      Namespace: CISBenchmark
      Statistic: Sum
      Period: 300
      EvaluationPeriods: 1
      Threshold: 1
      ComparisonOperator: GreaterThanOrEqualToThreshold
${alarm === 'acts' ? `      AlarmActions: [!Ref Alerts]${m(o.mark === 'alarm')}\n` : ''}`}`;
}

const hcl = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Terraform: the same stack. */
export function tfStack(pattern: string, o: { mark: Mark; alarm?: 'acts' | 'none' | 'silent'; patternVar?: boolean }): string {
  const alarm = o.alarm ?? 'acts';
  return `${o.patternVar ? 'variable "pattern" {\n  type = string\n}\n\n' : ''}resource "aws_cloudwatch_log_group" "trail" {
  name              = "cloudtrail"
  retention_in_days = 365
}

resource "aws_sns_topic" "alerts" {
  name = "security-alerts"
}

resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "acme-cloudtrail"
  is_multi_region_trail      = true
  cloud_watch_logs_group_arn = "\${aws_cloudwatch_log_group.trail.arn}:*"${m(o.mark === 'arn')}
  cloud_watch_logs_role_arn  = "arn:aws:iam::111122223333:role/cloudtrail-logs"
}

resource "aws_cloudwatch_log_metric_filter" "cis" {
  name           = "cis"
  log_group_name = aws_cloudwatch_log_group.trail.name
  pattern        = ${o.patternVar ? 'var.pattern' : hcl(pattern)}${m(o.mark === 'pattern')}

  metric_transformation {
    name      = "CisEvents"${m(o.mark === 'metric')}
    namespace = "CISBenchmark"
    value     = "1"
  }
}
${alarm === 'none' ? '' : `
resource "aws_cloudwatch_metric_alarm" "cis" {${m(o.mark === 'alarm' && alarm === 'silent')}
  alarm_name          = "cis"
  metric_name         = "CisEvents"
  namespace           = "CISBenchmark"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
${alarm === 'acts' ? '  alarm_actions       = [aws_sns_topic.alerts.arn]\n' : ''}}
`}`;
}

/**
 * The table of one CIS item: `good` patterns must pass in both formats; `bad` ones (near
 * misses) fail at the trail's log group ARN; a good filter without an alarm, or with an alarm
 * that has no action, fails; a pattern from a parameter is unknown.
 */
export function cisCases(control: Control, good: string[], bad: string[]): CaseTable {
  const pass: Case[] = [];
  const fail: Case[] = [];
  good.forEach((p, i) => {
    pass.push({ name: `CloudFormation pattern ${i + 1}`, template: cfnStack(p, { mark: 'pattern' }) });
    pass.push(tf(tfStack(p, { mark: 'pattern' }), { name: `Terraform pattern ${i + 1}` }));
  });
  bad.forEach((p, i) => {
    fail.push({ name: `CloudFormation near miss ${i + 1}`, template: cfnStack(p, { mark: 'arn' }) });
    fail.push(tf(tfStack(p, { mark: 'arn' }), { name: `Terraform near miss ${i + 1}` }));
  });
  const g = good[0]!;
  fail.push(
    { name: 'filter without an alarm', template: cfnStack(g, { mark: 'metric', alarm: 'none' }) },
    { name: 'alarm without actions', template: cfnStack(g, { mark: 'alarm', alarm: 'silent' }) },
    tf(tfStack(g, { mark: 'metric', alarm: 'none' }), { name: 'Terraform filter without an alarm' }),
    tf(tfStack(g, { mark: 'alarm', alarm: 'silent' }), { name: 'Terraform alarm without actions' }),
    { name: 'trail without CloudWatch Logs', template: `Resources:
  Trail: # <--
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: acme-cloudtrail
` },
    tf(`resource "aws_cloudtrail" "main" { # <--
  name           = "main"
  s3_bucket_name = "acme-cloudtrail"
}
`, { name: 'Terraform trail without CloudWatch Logs' }),
  );
  return cases(control, {
    pass,
    fail,
    unknown: [
      { name: 'pattern from a parameter without a value', template: cfnStack(g, { mark: 'pattern', patternParam: true }) },
      tf(tfStack(g, { mark: 'pattern', patternVar: true }), { name: 'pattern from a variable without a value' }),
      { name: 'alarm only under an undecided condition', template: cfnStack(g, { mark: 'alarm', alarmCondition: true }) },
      { name: 'log group from a parameter', template: `Parameters:
  GroupArn: { Type: String }
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: acme-cloudtrail
      CloudWatchLogsLogGroupArn: !Ref GroupArn # <--
      CloudWatchLogsRoleArn: arn:aws:iam::111122223333:role/cloudtrail-logs
` },
    ],
  });
}
