import control from '../../../src/controls/deployment/lambdaRuntimeSupported.js';
import { cases, tf } from '../../helpers/cases.js';

const FN = `  function_name = "orders"
  role          = "arn:aws:iam::111122223333:role/orders"
  handler       = "app.handler"
  filename      = "build/orders.zip"`;

export default cases(control, {
  pass: [
    `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13 # <--
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ZipFile: "def handler(e, c): pass" }`,
    { name: 'SAM Globals runtime', template: `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: nodejs22.x # <--
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      CodeUri: src/` },
    tf(`resource "aws_lambda_function" "fn" {
${FN}
  runtime       = "python3.13" # <--
}
`),
  ],
  fail: [
    `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.7 # <--
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ZipFile: "x" }`,
    { name: 'SAM Globals deprecated runtime', template: `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: nodejs14.x # <--
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      CodeUri: src/` },
    tf(`resource "aws_lambda_function" "fn" {
${FN}
  runtime       = "nodejs16.x" # <--
}
`, { name: 'deprecated runtime' }),
    tf(`variable "runtime" {
  type    = string
  default = "go1.x"
}

resource "aws_lambda_function" "fn" {
${FN}
  runtime       = var.runtime # <--
}
`, { name: 'deprecated runtime from a variable default' }),
  ],
  unknown: [
    { name: 'a runtime identifier nobody knows (typo) is not a pass', template: `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: pythn3.12 # <--
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ZipFile: "x" }` },
    { name: 'constructor is not a runtime', template: `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: constructor # <--
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ZipFile: "x" }` },
    { name: 'runtime chosen from allowed values', template: `Parameters:
  Rt: { Type: String, AllowedValues: [go1.x, provided.al2023] }
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: !Ref Rt # <--
      Handler: bootstrap
      Role: arn:aws:iam::111122223333:role/fn
      Code: { S3Bucket: b, S3Key: k }` },
    tf(`variable "runtime" {
  type = string
}

resource "aws_lambda_function" "fn" {
${FN}
  runtime       = var.runtime # <--
}
`, { name: 'runtime from a variable without a value' }),
    tf(`variable "runtime" {
  type = string
  validation {
    condition     = contains(["go1.x", "provided.al2023"], var.runtime)
    error_message = "Use a Go runtime."
  }
}

resource "aws_lambda_function" "fn" {
${FN}
  runtime       = var.runtime # <--
}
`, { name: 'runtime limited by a validation, still without a value' }),
  ],
  not_applicable: [
    `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      PackageType: Image
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ImageUri: 111122223333.dkr.ecr.eu-west-1.amazonaws.com/fn:1 }`,
    tf(`resource "aws_lambda_function" "fn" {
  function_name = "orders"
  role          = "arn:aws:iam::111122223333:role/orders"
  package_type  = "Image"
  image_uri     = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/orders:1"
}
`, { name: 'container image' }),
  ],
});
