import control from '../../../src/controls/network/apigwMethodAuthorization.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  M:
    Type: AWS::ApiGateway::Method
    Properties: { RestApiId: api, ResourceId: res, HttpMethod: GET, AuthorizationType: AWS_IAM }`,
    `Resources:
  R:
    Type: AWS::ApiGatewayV2::Route
    Properties: { ApiId: api, RouteKey: GET /items, AuthorizationType: JWT, AuthorizerId: auth }`,
  ],
  fail: [
    `Resources:
  M:
    Type: AWS::ApiGateway::Method
    Properties: { RestApiId: api, ResourceId: res, HttpMethod: POST, AuthorizationType: NONE }`,
    { name: 'route without AuthorizationType', template: `Resources:
  R:
    Type: AWS::ApiGatewayV2::Route
    Properties: { ApiId: api, RouteKey: POST /items }` },
  ],
  unknown: [
    { name: 'authorization chosen by a condition', template: `Parameters:
  Env: { Type: String }
Conditions:
  Prod: !Equals [!Ref Env, prod]
Resources:
  M:
    Type: AWS::ApiGateway::Method
    Properties: { RestApiId: api, ResourceId: res, HttpMethod: GET, AuthorizationType: !If [Prod, AWS_IAM, NONE] }` },
  ],
  not_applicable: [
    `Resources:
  M:
    Type: AWS::ApiGateway::Method
    Properties: { RestApiId: api, ResourceId: res, HttpMethod: OPTIONS, AuthorizationType: NONE }`,
    `Resources:
  Api:
    Type: AWS::ApiGatewayV2::Api
    Properties: { Name: ws, ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action }
  R:
    Type: AWS::ApiGatewayV2::Route
    Properties: { ApiId: !Ref Api, RouteKey: sendmessage }`,
  ],
});
