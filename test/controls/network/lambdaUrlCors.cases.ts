import control from '../../../src/controls/network/lambdaUrlCors.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Url:
    Type: AWS::Lambda::Url
    Properties:
      TargetFunctionArn: arn:aws:lambda:eu-west-1:111122223333:function:fn
      AuthType: AWS_IAM
      Cors:
        AllowOrigins: [https://app.example.com] # <--
`,
    tf(`resource "aws_lambda_function_url" "fn" { # <--
  function_name      = "fn"
  authorization_type = "AWS_IAM"
}
`, { name: 'no cors block' }),
    tf(`resource "aws_lambda_function_url" "fn" {
  function_name      = "fn"
  authorization_type = "AWS_IAM"

  cors {
    allow_origins = ["https://app.example.com"] # <--
  }
}
`, { name: 'one named origin' }),
  ],
  fail: [
    `Resources:
  Url:
    Type: AWS::Lambda::Url
    Properties:
      TargetFunctionArn: arn:aws:lambda:eu-west-1:111122223333:function:fn
      AuthType: NONE
      Cors:
        AllowOrigins: ["*"] # <--
`,
    `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: s3://builds/fn.zip
      FunctionUrlConfig:
        AuthType: AWS_IAM
        Cors:
          AllowOrigins: ["*"] # <--
`,
    tf(`resource "aws_lambda_function_url" "fn" {
  function_name      = "fn"
  authorization_type = "NONE"

  cors {
    allow_credentials = true
    allow_origins     = ["*"] # <--
  }
}
`, { name: 'allow_origins *' }),
  ],
  unknown: [
    tf(`variable "origins" {
  type = list(string)
}

resource "aws_lambda_function_url" "fn" {
  function_name      = "fn"
  authorization_type = "AWS_IAM"

  cors {
    allow_origins = var.origins # <--
  }
}
`, { name: 'origins from a variable without a value' }),
  ],
});
