import control from '../../../src/controls/audit/cloudTrailCloudWatchLogs.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Group:
    Type: AWS::Logs::LogGroup
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {}
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      CloudWatchLogsLogGroupArn: !GetAtt Group.Arn # <--
      CloudWatchLogsRoleArn: !GetAtt Role.Arn`,
    tf(`resource "aws_cloudwatch_log_group" "trail" {
  name              = "cloudtrail"
  retention_in_days = 365
}

resource "aws_iam_role" "trail_logs" {
  name = "cloudtrail-to-cloudwatch"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "cloudtrail.amazonaws.com" } }]
  })
}

resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "acme-cloudtrail-logs"
  cloud_watch_logs_group_arn = "\${aws_cloudwatch_log_group.trail.arn}:*" # <--
  cloud_watch_logs_role_arn  = aws_iam_role.trail_logs.arn
}
`),
  ],
  fail: [
    `Resources:
  Trail: # <--
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs`,
    { name: 'group without role', template: `Resources:
  Trail: # <--
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      CloudWatchLogsLogGroupArn: arn:aws:logs:eu-west-1:111122223333:log-group:trail:*` },
    tf(`resource "aws_cloudtrail" "main" { # <--
  name           = "main"
  s3_bucket_name = "acme-cloudtrail-logs"
}
`, { name: 'trail without log group' }),
    tf(`resource "aws_cloudtrail" "main" { # <--
  name                       = "main"
  s3_bucket_name             = "acme-cloudtrail-logs"
  cloud_watch_logs_group_arn = "\${aws_cloudwatch_log_group.trail.arn}:*"
}

resource "aws_cloudwatch_log_group" "trail" {
  name = "cloudtrail"
}
`, { name: 'log group without the role CloudTrail writes with' }),
  ],
  unknown: [
    `Parameters:
  GroupArn: { Type: String }
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      CloudWatchLogsLogGroupArn: !Ref GroupArn # <--
      CloudWatchLogsRoleArn: arn:aws:iam::111122223333:role/trail`,
    tf(`variable "trail_log_group_arn" {
  type = string
}

resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "acme-cloudtrail-logs"
  cloud_watch_logs_group_arn = var.trail_log_group_arn # <--
  cloud_watch_logs_role_arn  = "arn:aws:iam::111122223333:role/cloudtrail-to-cloudwatch"
}
`, { name: 'log group from a variable without a value' }),
  ],
});
