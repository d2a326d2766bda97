import control from '../../../src/controls/deployment/lambdaCodeSigning.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Signing:
    Type: AWS::Lambda::CodeSigningConfig
    Properties:
      AllowedPublishers: { SigningProfileVersionArns: [arn:aws:signer:eu-west-1:111122223333:/signing-profiles/build/abc] }
      CodeSigningPolicies: { UntrustedArtifactOnDeployment: Enforce }
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { S3Bucket: builds, S3Key: fn.zip }
      CodeSigningConfigArn: !GetAtt Signing.CodeSigningConfigArn # <--
`,
    tf(`resource "aws_lambda_function" "fn" {
  function_name           = "fn"
  runtime                 = "python3.12"
  handler                 = "app.handler"
  role                    = "arn:aws:iam::111122223333:role/fn"
  filename                = "fn.zip"
  code_signing_config_arn = "arn:aws:lambda:eu-west-1:111122223333:code-signing-config:csc-1" # <--
}
`, { name: 'code_signing_config_arn set' }),
  ],
  fail: [
    `Resources:
  Fn: # <--
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { S3Bucket: builds, S3Key: fn.zip }
`,
    tf(`resource "aws_lambda_function" "fn" { # <--
  function_name = "fn"
  runtime       = "python3.12"
  handler       = "app.handler"
  role          = "arn:aws:iam::111122223333:role/fn"
  filename      = "fn.zip"
}
`, { name: 'no code signing' }),
  ],
  unknown: [
    tf(`variable "signing" {
  type = string
}

resource "aws_lambda_function" "fn" {
  function_name           = "fn"
  runtime                 = "python3.12"
  handler                 = "app.handler"
  role                    = "arn:aws:iam::111122223333:role/fn"
  filename                = "fn.zip"
  code_signing_config_arn = var.signing # <--
}
`, { name: 'from a variable without a value' }),
  ],
  not_applicable: [
    tf(`resource "aws_lambda_function" "fn" {
  function_name = "fn"
  role          = "arn:aws:iam::111122223333:role/fn"
  package_type  = "Image"
  image_uri     = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/fn:1"
}
`, { name: 'container image function' }),
  ],
});
