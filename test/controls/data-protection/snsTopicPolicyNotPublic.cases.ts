import control from '../../../src/controls/data-protection/snsTopicPolicyNotPublic.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  T:
    Type: AWS::SNS::Topic
  P:
    Type: AWS::SNS::TopicPolicy
    Properties:
      Topics: [!Ref T]
      PolicyDocument: # <--
        Statement:
          - Effect: Allow
            Principal: { Service: events.amazonaws.com }
            Action: sns:Publish
            Resource: !Ref T
          - Effect: Allow
            Principal: '*'
            Action: sns:Publish
            Resource: !Ref T
            Condition:
              StringEquals: { 'aws:SourceAccount': '111122223333' }
`,
    tf(`resource "aws_sns_topic" "alerts" {
  name = "alerts"
}

resource "aws_sns_topic_policy" "alerts" {
  arn = aws_sns_topic.alerts.arn
  policy = jsonencode({ # <--
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "cloudwatch.amazonaws.com" }
      Action    = "sns:Publish"
      Resource  = aws_sns_topic.alerts.arn
    }]
  })
}
`, { name: 'service principal' }),
  ],
  fail: [
    `Resources:
  T:
    Type: AWS::SNS::Topic
  P:
    Type: AWS::SNS::TopicPolicy
    Properties:
      Topics: [!Ref T]
      PolicyDocument:
        Statement:
          - Effect: Allow # <--
            Principal: { AWS: '*' }
            Action: [sns:Publish, sns:Subscribe]
            Resource: !Ref T
`,
    { name: 'condition that does not pin the caller', template: `Resources:
  T:
    Type: AWS::SNS::Topic
  P:
    Type: AWS::SNS::TopicPolicy
    Properties:
      Topics: [!Ref T]
      PolicyDocument:
        Statement:
          - Effect: Allow # <--
            Principal: '*'
            Action: sns:Subscribe
            Resource: !Ref T
            Condition:
              StringNotEquals: { 'aws:SourceAccount': '111122223333' }
` },
    tf(`resource "aws_sns_topic" "alerts" {
  name = "alerts"
}

resource "aws_sns_topic_policy" "alerts" {
  arn = aws_sns_topic.alerts.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ # <--
      Effect    = "Allow"
      Principal = "*"
      Action    = "sns:Publish"
      Resource  = aws_sns_topic.alerts.arn
    }]
  })
}
`, { name: 'Principal "*" without condition' }),
    tf(`resource "aws_sns_topic" "inline" {
  name = "inline"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ # <--
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "sns:Publish"
      Resource  = "*"
    }]
  })
}
`, { name: 'inline policy argument of aws_sns_topic' }),
  ],
  unknown: [
    { name: 'principal from a parameter', template: `Parameters:
  Who: { Type: String }
Resources:
  T:
    Type: AWS::SNS::Topic
  P:
    Type: AWS::SNS::TopicPolicy
    Properties:
      Topics: [!Ref T]
      PolicyDocument:
        Statement:
          - Effect: Allow # <--
            Principal: { AWS: !Ref Who }
            Action: sns:Publish
            Resource: !Ref T
` },
  ],
});
