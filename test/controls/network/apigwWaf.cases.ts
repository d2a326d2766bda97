import control from '../../../src/controls/network/apigwWaf.js';
import { cases } from '../../helpers/cases.js';

const api = `Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: { Name: api }
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties: { RestApiId: !Ref Api, StageName: prod, DeploymentId: dep }`;

export default cases(control, {
  pass: [
    `${api}
  Assoc:
    Type: AWS::WAFv2::WebACLAssociation
    Properties:
      WebACLArn: arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/a/b
      ResourceArn: !Sub arn:aws:apigateway:\${AWS::Region}::/restapis/\${Api}/stages/prod`,
    { name: 'association naming the stage resource', template: `${api}
  Assoc:
    Type: AWS::WAFv2::WebACLAssociation
    Properties:
      WebACLArn: acl
      ResourceArn: !Sub arn:aws:apigateway:\${AWS::Region}::/restapis/\${Api}/stages/\${Stage}` },
  ],
  fail: [
    api,
    { name: 'association for another stage', template: `${api}
  Assoc:
    Type: AWS::WAFv2::WebACLAssociation
    Properties:
      WebACLArn: acl
      ResourceArn: !Sub arn:aws:apigateway:\${AWS::Region}::/restapis/\${Api}/stages/dev` },
  ],
});
