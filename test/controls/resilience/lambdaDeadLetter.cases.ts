import control from '../../../src/controls/resilience/lambdaDeadLetter.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Dlq:
    Type: AWS::SQS::Queue
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ZipFile: "x" }
      DeadLetterConfig:
        TargetArn: !GetAtt Dlq.Arn # <--`,
    { name: 'EventInvokeConfig on-failure destination', template: `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ZipFile: "x" }
  Invoke:
    Type: AWS::Lambda::EventInvokeConfig
    Properties:
      FunctionName: !Ref Fn
      Qualifier: $LATEST
      DestinationConfig:
        OnFailure:
          Destination: arn:aws:sqs:eu-west-1:111122223333:failed # <--` },
    `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      CodeUri: src/
      DeadLetterQueue:
        Type: SQS
        TargetArn: arn:aws:sqs:eu-west-1:111122223333:dlq # <--`,
    tf(`resource "aws_sqs_queue" "dlq" {
  name = "orders-dlq"
}

resource "aws_lambda_function" "fn" {
  function_name = "orders"
  role          = "arn:aws:iam::111122223333:role/orders"
  runtime       = "python3.13"
  handler       = "app.handler"
  filename      = "build/orders.zip"

  dead_letter_config {
    target_arn = aws_sqs_queue.dlq.arn # <--
  }
}
`, { name: 'dead_letter_config' }),
    tf(`resource "aws_lambda_function" "fn" {
  function_name = "orders"
  role          = "arn:aws:iam::111122223333:role/orders"
  runtime       = "python3.13"
  handler       = "app.handler"
  filename      = "build/orders.zip"
}

resource "aws_lambda_function_event_invoke_config" "fn" {
  function_name          = aws_lambda_function.fn.function_name
  maximum_retry_attempts = 1

  destination_config {
    on_failure {
      destination = aws_sns_topic.failed.arn # <--
    }
  }
}

resource "aws_sns_topic" "failed" {
  name = "orders-failed"
}
`, { name: 'event invoke config with an on-failure destination' }),
  ],
  fail: [
    `Resources:
  Fn: # <--
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ZipFile: "x" }`,
    tf(`resource "aws_lambda_function" "fn" { # <--
  function_name = "orders"
  role          = "arn:aws:iam::111122223333:role/orders"
  runtime       = "python3.13"
  handler       = "app.handler"
  filename      = "build/orders.zip"
}
`, { name: 'no dead-letter queue and no invoke config' }),
    tf(`resource "aws_lambda_function" "fn" { # <--
  function_name = "orders"
  role          = "arn:aws:iam::111122223333:role/orders"
  runtime       = "python3.13"
  handler       = "app.handler"
  filename      = "build/orders.zip"
}

resource "aws_lambda_function_event_invoke_config" "fn" {
  function_name = aws_lambda_function.fn.function_name

  destination_config {
    on_success {
      destination = "arn:aws:sqs:eu-west-1:111122223333:done"
    }
  }
}
`, { name: 'an invoke config with only an on-success destination' }),
  ],
  unknown: [
    tf(`variable "dlq_arn" {
  type = string
}

resource "aws_lambda_function" "fn" {
  function_name = "orders"
  role          = "arn:aws:iam::111122223333:role/orders"
  runtime       = "python3.13"
  handler       = "app.handler"
  filename      = "build/orders.zip"

  dead_letter_config {
    target_arn = var.dlq_arn # <--
  }
}
`, { name: 'dead-letter target from a variable without a value' }),
  ],
});
