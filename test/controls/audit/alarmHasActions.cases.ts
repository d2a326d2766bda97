import control from '../../../src/controls/audit/alarmHasActions.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Topic:
    Type: AWS::SNS::Topic
  Alarm:
    Type: AWS::CloudWatch::Alarm
    Properties:
      MetricName: Errors
      Namespace: AWS/Lambda
      Statistic: Sum
      Period: 60
      EvaluationPeriods: 1
      Threshold: 1
      ComparisonOperator: GreaterThanOrEqualToThreshold
      AlarmActions: [!Ref Topic] # <--`,
    tf(`resource "aws_sns_topic" "ops" {
  name = "ops-alerts"
}

resource "aws_cloudwatch_metric_alarm" "errors" {
  alarm_name          = "lambda-errors"
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  alarm_actions       = [aws_sns_topic.ops.arn] # <--
}
`),
    tf(`resource "aws_cloudwatch_composite_alarm" "service" {
  alarm_name = "service-down"
  alarm_rule = "ALARM(\${aws_cloudwatch_metric_alarm.errors.alarm_name})"
  ok_actions = ["arn:aws:sns:eu-west-1:111122223333:ops"] # <--
}

resource "aws_cloudwatch_metric_alarm" "errors" {
  alarm_name          = "lambda-errors"
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  alarm_actions       = ["arn:aws:sns:eu-west-1:111122223333:ops"] # <--
}
`, { name: 'composite alarm with OK actions, and its metric alarm' }),
  ],
  fail: [
    `Resources:
  Alarm: # <--
    Type: AWS::CloudWatch::Alarm
    Properties:
      MetricName: Errors
      Namespace: AWS/Lambda
      EvaluationPeriods: 1
      ComparisonOperator: GreaterThanOrEqualToThreshold`,
    `Resources:
  Alarm:
    Type: AWS::CloudWatch::CompositeAlarm
    Properties:
      AlarmRule: ALARM(a)
      ActionsEnabled: false # <--
      AlarmActions: [arn:aws:sns:eu-west-1:111122223333:ops]`,
    tf(`resource "aws_cloudwatch_metric_alarm" "cpu" { # <--
  alarm_name          = "high-cpu"
  namespace           = "AWS/EC2"
  metric_name         = "CPUUtilization"
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 2
  threshold           = 80
  comparison_operator = "GreaterThanThreshold"
}
`, { name: 'no actions' }),
    tf(`resource "aws_cloudwatch_metric_alarm" "cpu" {
  alarm_name          = "high-cpu"
  namespace           = "AWS/EC2"
  metric_name         = "CPUUtilization"
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 2
  threshold           = 80
  comparison_operator = "GreaterThanThreshold"
  actions_enabled     = false # <--
  alarm_actions       = ["arn:aws:sns:eu-west-1:111122223333:ops"]
}
`, { name: 'actions disabled' }),
  ],
  unknown: [
    tf(`variable "alerts_on" {
  type = bool
}

resource "aws_cloudwatch_metric_alarm" "cpu" {
  alarm_name          = "high-cpu"
  namespace           = "AWS/EC2"
  metric_name         = "CPUUtilization"
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 2
  threshold           = 80
  comparison_operator = "GreaterThanThreshold"
  actions_enabled     = var.alerts_on # <--
  alarm_actions       = ["arn:aws:sns:eu-west-1:111122223333:ops"]
}
`, { name: 'actions enabled from a variable without a value' }),
  ],
});
