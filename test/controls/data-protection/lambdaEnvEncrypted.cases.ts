import control from '../../../src/controls/data-protection/lambdaEnvEncrypted.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Key:
    Type: AWS::KMS::Key
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ZipFile: "x" }
      KmsKeyArn: !GetAtt Key.Arn # <--
      Environment:
        Variables:
          TABLE: orders`,
    tf(`resource "aws_kms_key" "lambda" {
  enable_key_rotation = true
}

resource "aws_lambda_function" "fn" {
  function_name = "orders"
  role          = "arn:aws:iam::111122223333:role/orders"
  runtime       = "python3.13"
  handler       = "app.handler"
  filename      = "build/orders.zip"
  kms_key_arn   = aws_kms_key.lambda.arn # <--

  environment {
    variables = {
      TABLE = "orders"
    }
  }
}
`),
  ],
  fail: [
    `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Environment:
      Variables:
        STAGE: prod
Resources:
  Fn: # <--
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      CodeUri: src/`,
    tf(`resource "aws_lambda_function" "fn" { # <--
  function_name = "orders"
  role          = "arn:aws:iam::111122223333:role/orders"
  runtime       = "python3.13"
  handler       = "app.handler"
  filename      = "build/orders.zip"

  environment {
    variables = {
      TABLE = "orders"
    }
  }
}
`, { name: 'environment without kms_key_arn' }),
  ],
  unknown: [
    tf(`variable "kms_key_arn" {
  type = string
}

resource "aws_lambda_function" "fn" {
  function_name = "orders"
  role          = "arn:aws:iam::111122223333:role/orders"
  runtime       = "python3.13"
  handler       = "app.handler"
  filename      = "build/orders.zip"
  kms_key_arn   = var.kms_key_arn # <--

  environment {
    variables = {
      TABLE = "orders"
    }
  }
}
`, { name: 'key from a variable without a value' }),
  ],
  not_applicable: [
    `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ZipFile: "x" }`,
    tf(`resource "aws_lambda_function" "fn" {
  function_name = "orders"
  role          = "arn:aws:iam::111122223333:role/orders"
  runtime       = "python3.13"
  handler       = "app.handler"
  filename      = "build/orders.zip"
}
`, { name: 'no environment block' }),
  ],
});
