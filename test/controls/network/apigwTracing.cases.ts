import control from '../../../src/controls/network/apigwTracing.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties: { RestApiId: api, StageName: prod, TracingEnabled: true }`,
    { name: 'SAM Api with parameter default', template: `Transform: AWS::Serverless-2016-10-31
Parameters:
  Trace: { Type: String, Default: "true" }
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties: { StageName: prod, TracingEnabled: !Ref Trace }` },
  ],
  fail: [
    `Resources:
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties: { RestApiId: api, StageName: prod }`,
  ],
  unknown: [
    { name: 'parameter without default', template: `Parameters:
  Trace: { Type: String }
Resources:
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties: { RestApiId: api, StageName: prod, TracingEnabled: !Ref Trace }` },
  ],
});
