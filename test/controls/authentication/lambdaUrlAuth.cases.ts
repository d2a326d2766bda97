import control from '../../../src/controls/authentication/lambdaUrlAuth.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Url:
    Type: AWS::Lambda::Url
    Properties:
      AuthType: AWS_IAM # <--
      TargetFunctionArn: arn:aws:lambda:eu-west-1:111122223333:function:fn`,
    `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      CodeUri: src/
      FunctionUrlConfig:
        AuthType: AWS_IAM # <--`,
    tf(`resource "aws_lambda_function_url" "orders" {
  function_name      = "orders"
  authorization_type = "AWS_IAM" # <--
}
`),
  ],
  fail: [
    `Resources:
  Url:
    Type: AWS::Lambda::Url
    Properties:
      AuthType: NONE # <--
      TargetFunctionArn: arn:aws:lambda:eu-west-1:111122223333:function:fn`,
    `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      CodeUri: src/
      FunctionUrlConfig:
        AuthType: NONE # <--`,
    tf(`resource "aws_lambda_function" "fn" {
  function_name = "orders"
  role          = "arn:aws:iam::111122223333:role/orders"
  runtime       = "python3.13"
  handler       = "app.handler"
  filename      = "build/orders.zip"
}

resource "aws_lambda_function_url" "orders" {
  function_name      = aws_lambda_function.fn.function_name
  authorization_type = "NONE" # <--

  cors {
    allow_origins = ["*"]
  }
}
`, { name: 'public URL with CORS for every origin' }),
  ],
  unknown: [
    `Parameters:
  Public: { Type: String }
Conditions:
  IsPublic: !Equals [!Ref Public, "yes"]
Resources:
  Url:
    Type: AWS::Lambda::Url
    Properties:
      AuthType: !If [IsPublic, NONE, AWS_IAM] # <--
      TargetFunctionArn: arn:aws:lambda:eu-west-1:111122223333:function:fn`,
    tf(`variable "public" {
  type = bool
}

resource "aws_lambda_function_url" "orders" {
  function_name      = "orders"
  authorization_type = var.public ? "NONE" : "AWS_IAM" # <--
}
`, { name: 'auth type chosen by a variable without a value' }),
  ],
  not_applicable: [
    `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      CodeUri: src/`,
  ],
});
