import control from '../../../src/controls/audit/cloudTrailCloudWatchLogs.js';
import { cases } from '../../helpers/cases.js';

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
      CloudWatchLogsLogGroupArn: !GetAtt Group.Arn
      CloudWatchLogsRoleArn: !GetAtt Role.Arn`,
  ],
  fail: [
    `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs`,
    { name: 'group without role', template: `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      CloudWatchLogsLogGroupArn: arn:aws:logs:eu-west-1:111122223333:log-group:trail:*` },
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
      CloudWatchLogsLogGroupArn: !Ref GroupArn
      CloudWatchLogsRoleArn: arn:aws:iam::111122223333:role/trail`,
  ],
});
