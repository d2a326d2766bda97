import control from '../../../src/controls/network/apigwCacheEncrypted.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: api
      StageName: prod
      CacheClusterEnabled: true
      MethodSettings:
        - { ResourcePath: "/*", HttpMethod: "*", CachingEnabled: true, CacheDataEncrypted: true }`,
  ],
  fail: [
    `Resources:
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: api
      StageName: prod
      CacheClusterEnabled: true
      MethodSettings:
        - { ResourcePath: "/*", HttpMethod: "*", CachingEnabled: true }`,
    { name: 'deployment stage description', template: `Resources:
  Dep:
    Type: AWS::ApiGateway::Deployment
    Properties:
      RestApiId: api
      StageName: prod
      StageDescription: { CachingEnabled: true, CacheDataEncrypted: false }` },
  ],
  unknown: [
    { name: 'encryption parameter without default', template: `Parameters:
  Enc: { Type: String }
Resources:
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: api
      StageName: prod
      MethodSettings:
        - { ResourcePath: "/*", HttpMethod: "*", CachingEnabled: true, CacheDataEncrypted: !Ref Enc }` },
  ],
  not_applicable: [
    `Resources:
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: api
      StageName: prod
      MethodSettings: [{ ResourcePath: "/*", HttpMethod: "*", LoggingLevel: INFO }]`,
  ],
});
