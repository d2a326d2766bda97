import control from '../../../src/controls/audit/lambdaTracing.js';
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
      TracingConfig:
        Mode: Active # <--`,
    `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Tracing: Active # <--
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      CodeUri: src/`,
    tf(`resource "aws_lambda_function" "fn" {
${FN}

  tracing_config {
    mode = "Active" # <--
  }
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
    `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      CodeUri: src/
      Tracing: PassThrough # <--`,
    tf(`resource "aws_lambda_function" "fn" { # <--
${FN}
}
`, { name: 'no tracing_config' }),
    tf(`resource "aws_lambda_function" "fn" {
${FN}

  tracing_config {
    mode = "PassThrough" # <--
  }
}
`, { name: 'PassThrough' }),
  ],
  unknown: [
    `Parameters:
  Mode: { Type: String }
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ZipFile: "x" }
      TracingConfig:
        Mode: !Ref Mode # <--`,
    tf(`variable "tracing_mode" {
  type = string
}

resource "aws_lambda_function" "fn" {
${FN}

  tracing_config {
    mode = var.tracing_mode # <--
  }
}
`, { name: 'mode from a variable without a value' }),
  ],
});
