import control from '../../../src/controls/data-protection/apigwCacheEncrypted.js';
import { cases, tf } from '../../helpers/cases.js';

const stage = `resource "aws_api_gateway_stage" "prod" {
  rest_api_id           = "a1b2c3d4e5"
  deployment_id         = "abc123"
  stage_name            = "prod"
  cache_cluster_enabled = true
  cache_cluster_size    = "0.5"
}
`;

const settings = (body: string, before = '') => tf(`${before}${stage}
resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = "a1b2c3d4e5"
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
${body}
  }
}
`);

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
        - { ResourcePath: "/*", HttpMethod: "*", CachingEnabled: true, CacheDataEncrypted: true } # <--
`,
    settings(`    caching_enabled      = true
    cache_data_encrypted = true # <--
    cache_ttl_in_seconds = 300`),
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
        - { ResourcePath: "/*", HttpMethod: "*", CachingEnabled: true } # <--
`,
    { name: 'deployment stage description', template: `Resources:
  Dep:
    Type: AWS::ApiGateway::Deployment
    Properties:
      RestApiId: api
      StageName: prod
      StageDescription: { CachingEnabled: true, CacheDataEncrypted: false } # <--
` },
    settings(`    caching_enabled      = true # <--
    cache_ttl_in_seconds = 300`),
    settings(`    caching_enabled      = true
    cache_data_encrypted = false # <--`),
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
        - { ResourcePath: "/*", HttpMethod: "*", CachingEnabled: true, CacheDataEncrypted: !Ref Enc } # <--
` },
    settings(`    caching_enabled      = true
    cache_data_encrypted = var.encrypt_cache # <--`, 'variable "encrypt_cache" {\n  type = bool\n}\n\n'),
  ],
  not_applicable: [
    `Resources:
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: api
      StageName: prod
      MethodSettings: [{ ResourcePath: "/*", HttpMethod: "*", LoggingLevel: INFO }]`,
    settings(`    metrics_enabled = true
    logging_level   = "INFO"`),
    tf(stage),
  ],
});
