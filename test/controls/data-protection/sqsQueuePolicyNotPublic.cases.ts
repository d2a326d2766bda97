import control from '../../../src/controls/data-protection/sqsQueuePolicyNotPublic.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  T:
    Type: AWS::SQS::Queue
  P:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref T]
      PolicyDocument: # <--
        Statement:
          - Effect: Allow
            Principal: { Service: sns.amazonaws.com }
            Action: sqs:SendMessage
            Resource: !GetAtt T.Arn
          - Effect: Allow
            Principal: '*'
            Action: sqs:SendMessage
            Resource: !GetAtt T.Arn
            Condition:
              StringEquals: { 'aws:SourceAccount': '111122223333' }
`,
    tf(`resource "aws_sqs_queue" "alerts" {
  name = "alerts"
}

resource "aws_sqs_queue_policy" "alerts" {
  queue_url = aws_sqs_queue.alerts.id
  policy = jsonencode({ # <--
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "s3.amazonaws.com" }
      Action    = "sqs:SendMessage"
      Resource  = aws_sqs_queue.alerts.arn
    }]
  })
}
`, { name: 'service principal' }),
  ],
  fail: [
    `Resources:
  T:
    Type: AWS::SQS::Queue
  P:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref T]
      PolicyDocument:
        Statement:
          - Effect: Allow # <--
            Principal: { AWS: '*' }
            Action: [sqs:SendMessage, sqs:ReceiveMessage]
            Resource: !GetAtt T.Arn
`,
    { name: 'condition that does not pin the caller', template: `Resources:
  T:
    Type: AWS::SQS::Queue
  P:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref T]
      PolicyDocument:
        Statement:
          - Effect: Allow # <--
            Principal: '*'
            Action: sqs:ReceiveMessage
            Resource: !GetAtt T.Arn
            Condition:
              StringNotEquals: { 'aws:SourceAccount': '111122223333' }
` },
    tf(`resource "aws_sqs_queue" "alerts" {
  name = "alerts"
}

resource "aws_sqs_queue_policy" "alerts" {
  queue_url = aws_sqs_queue.alerts.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ # <--
      Effect    = "Allow"
      Principal = "*"
      Action    = "sqs:SendMessage"
      Resource  = aws_sqs_queue.alerts.arn
    }]
  })
}
`, { name: 'Principal "*" without condition' }),
    tf(`resource "aws_sqs_queue" "inline" {
  name = "inline"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ # <--
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "sqs:SendMessage"
      Resource  = "*"
    }]
  })
}
`, { name: 'inline policy argument of aws_sqs_queue' }),
  ],
  unknown: [
    { name: 'principal from a parameter', template: `Parameters:
  Who: { Type: String }
Resources:
  T:
    Type: AWS::SQS::Queue
  P:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref T]
      PolicyDocument:
        Statement:
          - Effect: Allow # <--
            Principal: { AWS: !Ref Who }
            Action: sqs:SendMessage
            Resource: !GetAtt T.Arn
` },
  ],
});
