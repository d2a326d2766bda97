import control from '../../../src/controls/data-protection/lambdaEnvNoSecrets.js';
import { cases, tf } from '../../helpers/cases.js';

// Assembled at run time so the repository holds no credential-shaped literal.
const slack = 'xoxb-' + '1234567890-abcdefghijkl';

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
      Environment:
        Variables:
          DB_PASSWORD: "{{resolve:secretsmanager:prod/db:SecretString:password}}" # <--
          API_TOKEN_ARN: arn:aws:secretsmanager:eu-west-1:111122223333:secret:token
          TABLE: orders`,
    { name: 'NoEcho parameter without default', template: `Parameters:
  ApiKey: { Type: String, NoEcho: true }
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ZipFile: "x" }
      Environment:
        Variables:
          API_KEY: !Ref ApiKey # <--` },
    tf(`variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_lambda_function" "fn" {
  function_name = "orders"
  role          = "arn:aws:iam::111122223333:role/orders"
  runtime       = "python3.13"
  handler       = "app.handler"
  filename      = "build/orders.zip"

  environment {
    variables = {
      DB_PASSWORD   = var.db_password # <--
      DB_SECRET_ARN = aws_secretsmanager_secret.db.arn
    }
  }
}

resource "aws_secretsmanager_secret" "db" {
  name = "orders/db"
}
`, { name: 'password from a sensitive variable without a value' }),
    tf(`resource "aws_lambda_function" "fn" {
  function_name = "orders"
  role          = "arn:aws:iam::111122223333:role/orders"
  runtime       = "python3.13"
  handler       = "app.handler"
  filename      = "build/orders.zip"

  environment {
    variables = { # <--
      TABLE     = "orders"
      LOG_LEVEL = "info"
    }
  }
}
`, { name: 'no credential-like names' }),
  ],
  fail: [
    `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ZipFile: "x" }
      Environment:
        Variables:
          DB_PASSWORD: hunter2 # <--`,
    { name: 'secret as parameter default', template: `Transform: AWS::Serverless-2016-10-31
Parameters:
  Token: { Type: String, Default: ghp_abcdef123456 }
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      CodeUri: src/
      Environment:
        Variables:
          GITHUB_TOKEN: !Ref Token # <--` },
    { name: 'credential-shaped value under an innocuous name', template: `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ZipFile: "x" }
      Environment:
        Variables:
          TABLE: orders
          NOTIFY: ${slack} # <--` },
    tf(`resource "aws_lambda_function" "fn" {
  function_name = "orders"
  role          = "arn:aws:iam::111122223333:role/orders"
  runtime       = "python3.13"
  handler       = "app.handler"
  filename      = "build/orders.zip"

  environment {
    variables = {
      TABLE       = "orders"
      DB_PASSWORD = "hunter2" # <--
    }
  }
}
`, { name: 'password written as a literal' }),
    tf(`variable "github_token" {
  type    = string
  default = "ghp_abcdef123456"
}

resource "aws_lambda_function" "fn" {
  function_name = "orders"
  role          = "arn:aws:iam::111122223333:role/orders"
  runtime       = "python3.13"
  handler       = "app.handler"
  filename      = "build/orders.zip"

  environment {
    variables = {
      GITHUB_TOKEN = var.github_token # <--
    }
  }
}
`, { name: 'token from a variable default' }),
  ],
  unknown: [
    tf(`variable "environment" {
  type = map(string)
}

resource "aws_lambda_function" "fn" {
  function_name = "orders"
  role          = "arn:aws:iam::111122223333:role/orders"
  runtime       = "python3.13"
  handler       = "app.handler"
  filename      = "build/orders.zip"

  environment {
    variables = var.environment # <--
  }
}
`, { name: 'the whole environment from a variable without a value' }),
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
