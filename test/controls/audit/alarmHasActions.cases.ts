import control from '../../../src/controls/audit/alarmHasActions.js';
import { cases } from '../../helpers/cases.js';

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
      AlarmActions: [!Ref Topic]`,
  ],
  fail: [
    `Resources:
  Alarm:
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
      ActionsEnabled: false
      AlarmActions: [arn:aws:sns:eu-west-1:111122223333:ops]`,
  ],
});
