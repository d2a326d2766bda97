import control from '../../../src/controls/authorization/lambdaPermissionNotPublic.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Perm:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: fn
      Principal: s3.amazonaws.com # <--
      SourceAccount: "111122223333"`,
    `Resources:
  Perm:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: fn
      Principal: "*"
      PrincipalOrgID: o-abc123 # <--`,
    tf(`resource "aws_lambda_permission" "sns" {
  statement_id  = "AllowExecutionFromSNS"
  action        = "lambda:InvokeFunction"
  function_name = "orders"
  principal     = "sns.amazonaws.com" # <--
  source_arn    = aws_sns_topic.orders.arn
}

resource "aws_sns_topic" "orders" {
  name = "orders"
}
`, { name: 'a service principal' }),
    tf(`resource "aws_lambda_permission" "org" {
  statement_id     = "AllowOrganization"
  action           = "lambda:InvokeFunction"
  function_name    = "orders"
  principal        = "*"
  principal_org_id = "o-abc123" # <--
}
`, { name: 'wildcard principal limited to the organization' }),
  ],
  fail: [
    `Resources:
  Perm:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunctionUrl
      FunctionName: fn
      Principal: "*" # <--
      FunctionUrlAuthType: NONE`,
    tf(`resource "aws_lambda_permission" "url" {
  statement_id           = "FunctionURLAllowPublicAccess"
  action                 = "lambda:InvokeFunctionUrl"
  function_name          = "orders"
  principal              = "*" # <--
  function_url_auth_type = "NONE"
}
`, { name: 'public function URL' }),
  ],
  unknown: [
    `Parameters:
  Who: { Type: String }
Resources:
  Perm:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: fn
      Principal: !Ref Who # <--`,
    tf(`variable "invoker" {
  type = string
}

resource "aws_lambda_permission" "invoke" {
  action        = "lambda:InvokeFunction"
  function_name = "orders"
  principal     = var.invoker # <--
}
`, { name: 'principal from a variable without a value' }),
  ],
});
