import control from '../../../src/controls/network/apigwWaf.js';
import { cases, tf } from '../../helpers/cases.js';

const api = (mark = '') => `Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: { Name: api }
  Stage:${mark}
    Type: AWS::ApiGateway::Stage
    Properties: { RestApiId: !Ref Api, StageName: prod, DeploymentId: dep }
`;

const tfStage = (mark = '') => `resource "aws_api_gateway_rest_api" "api" {
  name = "orders"
}

resource "aws_api_gateway_stage" "prod" {${mark}
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = "abc123"
  stage_name    = "prod"
}
`;

export default cases(control, {
  pass: [
    `${api()}  Assoc:
    Type: AWS::WAFv2::WebACLAssociation
    Properties:
      WebACLArn: arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/a/b
      ResourceArn: !Sub arn:aws:apigateway:\${AWS::Region}::/restapis/\${Api}/stages/prod # <--
`,
    { name: 'association naming the stage resource', template: `${api()}  Assoc:
    Type: AWS::WAFv2::WebACLAssociation
    Properties:
      WebACLArn: acl
      ResourceArn: !Sub arn:aws:apigateway:\${AWS::Region}::/restapis/\${Api}/stages/\${Stage} # <--
` },
    tf(`${tfStage()}
resource "aws_wafv2_web_acl_association" "prod" {
  resource_arn = aws_api_gateway_stage.prod.arn # <--
  web_acl_arn  = "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/api/a1b2c3"
}
`),
  ],
  fail: [
    api(' # <--'),
    { name: 'association for another stage', template: `${api(' # <--')}  Assoc:
    Type: AWS::WAFv2::WebACLAssociation
    Properties:
      WebACLArn: acl
      ResourceArn: !Sub arn:aws:apigateway:\${AWS::Region}::/restapis/\${Api}/stages/dev
` },
    tf(tfStage(' # <--'), { name: 'no web ACL association' }),
    tf(`${tfStage(' # <--')}
resource "aws_api_gateway_stage" "dev" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = "abc123"
  stage_name    = "dev"
}

resource "aws_wafv2_web_acl_association" "dev" {
  resource_arn = aws_api_gateway_stage.dev.arn
  web_acl_arn  = "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/api/a1b2c3"
}
`, { name: 'association for another stage' }),
  ],
});
