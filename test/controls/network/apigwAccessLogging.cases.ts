import control from '../../../src/controls/network/apigwAccessLogging.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Logs:
    Type: AWS::Logs::LogGroup
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: api
      StageName: prod
      AccessLogSetting: { DestinationArn: !GetAtt Logs.Arn, Format: $context.requestId }`,
    { name: 'SAM HttpApi', template: `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::HttpApi
    Properties:
      AccessLogSettings: { DestinationArn: arn:aws:logs:eu-west-1:111122223333:log-group:api, Format: $context.requestId }` },
  ],
  fail: [
    `Resources:
  Stage:
    Type: AWS::ApiGatewayV2::Stage
    Properties: { ApiId: api, StageName: $default, AutoDeploy: true }`,
    `Resources:
  Dep:
    Type: AWS::ApiGateway::Deployment
    Properties: { RestApiId: api, StageName: prod }`,
  ],
  unknown: [
    { name: 'destination parameter without default', template: `Parameters:
  Dest: { Type: String }
Resources:
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties: { RestApiId: api, StageName: prod, AccessLogSetting: { DestinationArn: !Ref Dest } }` },
  ],
  not_applicable: [
    `Resources:
  Dep:
    Type: AWS::ApiGateway::Deployment
    Properties: { RestApiId: api }`,
  ],
});
