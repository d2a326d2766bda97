import control from '../../../src/controls/data-protection/snsSubscriptionHttps.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  T:
    Type: AWS::SNS::Topic
  S:
    Type: AWS::SNS::Subscription
    Properties:
      TopicArn: !Ref T
      Protocol: https # <--
      Endpoint: https://hooks.example.com/sns
`,
    `Resources:
  T:
    Type: AWS::SNS::Topic
    Properties:
      Subscription:
        - Protocol: sqs # <--
          Endpoint: arn:aws:sqs:eu-west-1:111122223333:orders
`,
    tf(`resource "aws_sns_topic" "t" {
  name = "orders"
}

resource "aws_sns_topic_subscription" "hook" {
  topic_arn = aws_sns_topic.t.arn
  protocol  = "https" # <--
  endpoint  = "https://hooks.example.com/sns"
}
`, { name: 'https subscription' }),
  ],
  fail: [
    `Resources:
  T:
    Type: AWS::SNS::Topic
  S:
    Type: AWS::SNS::Subscription
    Properties:
      TopicArn: !Ref T
      Protocol: http # <--
      Endpoint: http://hooks.example.com/sns
`,
    `Resources:
  T:
    Type: AWS::SNS::Topic
    Properties:
      Subscription:
        - Protocol: http # <--
          Endpoint: http://hooks.example.com/sns
`,
    tf(`resource "aws_sns_topic" "t" {
  name = "orders"
}

resource "aws_sns_topic_subscription" "hook" {
  topic_arn = aws_sns_topic.t.arn
  protocol  = "http" # <--
  endpoint  = "http://hooks.example.com/sns"
}
`, { name: 'http subscription' }),
  ],
  unknown: [
    { name: 'protocol from a parameter', template: `Parameters:
  Proto: { Type: String }
Resources:
  T:
    Type: AWS::SNS::Topic
  S:
    Type: AWS::SNS::Subscription
    Properties:
      TopicArn: !Ref T
      Protocol: !Ref Proto # <--
      Endpoint: https://hooks.example.com/sns
` },
    tf(`variable "proto" {
  type = string
}

resource "aws_sns_topic" "t" {
  name = "orders"
}

resource "aws_sns_topic_subscription" "hook" {
  topic_arn = aws_sns_topic.t.arn
  protocol  = var.proto # <--
  endpoint  = "https://hooks.example.com/sns"
}
`, { name: 'protocol from a variable' }),
  ],
});
