import control from '../../../src/controls/authorization/sqsQueuePolicyNoWildcardAction.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Q:
    Type: AWS::SQS::Queue
  P:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Q]
      PolicyDocument: # <--
        Statement:
          - Effect: Allow
            Principal: { AWS: arn:aws:iam::111122223333:role/producer }
            Action: [sqs:SendMessage, sqs:GetQueueAttributes]
            Resource: !GetAtt Q.Arn
          - Effect: Deny
            Principal: '*'
            Action: 'sqs:*'
            Resource: !GetAtt Q.Arn
            Condition: { Bool: { 'aws:SecureTransport': 'false' } }
`,
    tf(`resource "aws_sqs_queue" "orders" {
  name = "orders"
}

resource "aws_sqs_queue_policy" "orders" {
  queue_url = aws_sqs_queue.orders.id
  policy = jsonencode({ # <--
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "sns.amazonaws.com" }
      Action    = "sqs:SendMessage"
      Resource  = aws_sqs_queue.orders.arn
    }]
  })
}
`, { name: 'one named action' }),
  ],
  fail: [
    `Resources:
  Q:
    Type: AWS::SQS::Queue
  P:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Q]
      PolicyDocument:
        Statement:
          - Effect: Allow # <--
            Principal: { AWS: '111122223333' }
            Action: ['*']
            Resource: !GetAtt Q.Arn
`,
    tf(`resource "aws_sqs_queue" "orders" {
  name = "orders"
}

resource "aws_sqs_queue_policy" "orders" {
  queue_url = aws_sqs_queue.orders.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ # <--
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Action    = "SQS:*"
      Resource  = aws_sqs_queue.orders.arn
    }]
  })
}
`, { name: '"SQS:*"' }),
  ],
  unknown: [
    { name: 'action from a parameter', template: `Parameters:
  Action: { Type: String }
Resources:
  Q:
    Type: AWS::SQS::Queue
  P:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Q]
      PolicyDocument:
        Statement:
          - Effect: Allow # <--
            Principal: { AWS: '111122223333' }
            Action: !Ref Action
            Resource: !GetAtt Q.Arn
` },
  ],
});
