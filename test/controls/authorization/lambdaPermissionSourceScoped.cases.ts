import control from '../../../src/controls/authorization/lambdaPermissionSourceScoped.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Perm:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: fn
      Principal: s3.amazonaws.com
      SourceArn: arn:aws:s3:::uploads # <--
      SourceAccount: "111122223333"
`,
    tf(`resource "aws_lambda_permission" "s3" {
  action         = "lambda:InvokeFunction"
  function_name  = "fn"
  principal      = "s3.amazonaws.com"
  source_account = "111122223333" # <--
}
`, { name: 'source_account set' }),
  ],
  fail: [
    `Resources:
  Perm:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: fn
      Principal: sns.amazonaws.com # <--
`,
    tf(`resource "aws_lambda_permission" "s3" {
  action        = "lambda:InvokeFunction"
  function_name = "fn"
  principal     = "s3.amazonaws.com" # <--
}
`, { name: 'no source' }),
  ],
  unknown: [
    tf(`variable "source_arn" {
  type = string
}

resource "aws_lambda_permission" "events" {
  action        = "lambda:InvokeFunction"
  function_name = "fn"
  principal     = "events.amazonaws.com"
  source_arn    = var.source_arn # <--
}
`, { name: 'source_arn from a variable without a value' }),
  ],
  not_applicable: [
    `Resources:
  Perm:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: fn
      Principal: "444455556666"
`,
  ],
});
