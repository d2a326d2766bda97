import control from '../../../src/controls/network/appsyncWaf.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Api:
    Type: AWS::AppSync::GraphQLApi
    Properties:
      Name: orders
      AuthenticationType: AWS_IAM
  Assoc:
    Type: AWS::WAFv2::WebACLAssociation
    Properties:
      ResourceArn: !GetAtt Api.Arn # <--
      WebACLArn: arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/api/abc
`,
    tf(`resource "aws_appsync_graphql_api" "orders" {
  name                = "orders"
  authentication_type = "AWS_IAM"
}

resource "aws_wafv2_web_acl_association" "orders" {
  resource_arn = aws_appsync_graphql_api.orders.arn # <--
  web_acl_arn  = "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/api/abc"
}
`, { name: 'web ACL association' }),
  ],
  fail: [
    `Resources:
  Api: # <--
    Type: AWS::AppSync::GraphQLApi
    Properties:
      Name: orders
      AuthenticationType: AWS_IAM
`,
    tf(`resource "aws_appsync_graphql_api" "orders" { # <--
  name                = "orders"
  authentication_type = "AWS_IAM"
}
`, { name: 'no association' }),
  ],
});
