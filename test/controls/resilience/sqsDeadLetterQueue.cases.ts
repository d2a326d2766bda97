import control from '../../../src/controls/resilience/sqsDeadLetterQueue.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Dlq:
    Type: AWS::SQS::Queue
  Q:
    Type: AWS::SQS::Queue
    Properties:
      RedrivePolicy:
        deadLetterTargetArn: !GetAtt Dlq.Arn # <--
        maxReceiveCount: 5
`,
    tf(`resource "aws_sqs_queue" "dlq" {
  name = "orders-dlq"
}

resource "aws_sqs_queue" "orders" {
  name = "orders"
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn # <--
    maxReceiveCount     = 5
  })
}
`, { name: 'redrive_policy' }),
  ],
  fail: [
    `Resources:
  Q: # <--
    Type: AWS::SQS::Queue
`,
    tf(`resource "aws_sqs_queue" "orders" { # <--
  name = "orders"
}
`, { name: 'no redrive policy' }),
  ],
  unknown: [
    { name: 'target from a parameter', template: `Parameters:
  Dlq: { Type: String }
Resources:
  Q:
    Type: AWS::SQS::Queue
    Properties:
      RedrivePolicy:
        deadLetterTargetArn: !Ref Dlq # <--
        maxReceiveCount: 5
` },
  ],
  not_applicable: [
    `Resources:
  Dlq:
    Type: AWS::SQS::Queue
  Q:
    Type: AWS::SQS::Queue
    Properties:
      RedrivePolicy:
        deadLetterTargetArn: !GetAtt Dlq.Arn
        maxReceiveCount: 5
`,
  ],
});
