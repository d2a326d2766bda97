import control from '../../../src/controls/resilience/lambdaReservedConcurrency.js';
import { cases, tf } from '../../helpers/cases.js';

const FN = `  function_name = "orders"
  role          = "arn:aws:iam::111122223333:role/orders"
  runtime       = "python3.13"
  handler       = "app.handler"
  filename      = "build/orders.zip"`;

export default cases(control, {
  pass: [
    `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ZipFile: "x" }
      ReservedConcurrentExecutions: 20 # <--`,
    tf(`resource "aws_lambda_function" "fn" {
${FN}
  reserved_concurrent_executions = 20 # <--
}
`),
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
${FN}
}
`, { name: 'left out' }),
    tf(`resource "aws_lambda_function" "fn" {
${FN}
  reserved_concurrent_executions = -1 # <--
}
`, { name: '-1 (the provider default) removes the reservation' }),
    tf(`resource "aws_lambda_function" "fn" {
${FN}
  reserved_concurrent_executions = 0 # <--
}
`, { name: '0 stops the function from running' }),
  ],
  unknown: [
    tf(`variable "concurrency" {
  type = number
}

resource "aws_lambda_function" "fn" {
${FN}
  reserved_concurrent_executions = var.concurrency # <--
}
`, { name: 'reservation from a variable without a value' }),
  ],
});
