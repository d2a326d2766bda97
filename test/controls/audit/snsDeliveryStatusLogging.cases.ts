import control from '../../../src/controls/audit/snsDeliveryStatusLogging.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  T:
    Type: AWS::SNS::Topic
    Properties:
      DeliveryStatusLogging:
        - Protocol: sqs
          FailureFeedbackRoleArn: arn:aws:iam::111122223333:role/sns-feedback # <--
`,
    tf(`resource "aws_sns_topic" "orders" {
  name                          = "orders"
  sqs_failure_feedback_role_arn = "arn:aws:iam::111122223333:role/sns-feedback" # <--
}
`, { name: 'sqs_failure_feedback_role_arn' }),
  ],
  fail: [
    `Resources:
  T: # <--
    Type: AWS::SNS::Topic
`,
    `Resources:
  T:
    Type: AWS::SNS::Topic
    Properties:
      DeliveryStatusLogging: # <--
        - Protocol: lambda
          SuccessFeedbackRoleArn: arn:aws:iam::111122223333:role/sns-feedback
          SuccessFeedbackSampleRate: '10'
`,
    tf(`resource "aws_sns_topic" "orders" { # <--
  name = "orders"
}
`, { name: 'no feedback role' }),
  ],
  unknown: [
    { name: 'role from a parameter', template: `Parameters:
  Role: { Type: String }
Resources:
  T:
    Type: AWS::SNS::Topic
    Properties:
      DeliveryStatusLogging:
        - Protocol: sqs
          FailureFeedbackRoleArn: !Ref Role # <--
` },
  ],
});
