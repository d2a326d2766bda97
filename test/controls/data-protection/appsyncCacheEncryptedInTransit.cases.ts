import control from '../../../src/controls/data-protection/appsyncCacheEncryptedInTransit.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Cache:
    Type: AWS::AppSync::ApiCache
    Properties:
      ApiId: api-1
      Type: SMALL
      ApiCachingBehavior: FULL_REQUEST_CACHING
      Ttl: 300
      TransitEncryptionEnabled: true # <--
      AtRestEncryptionEnabled: true
`,
    tf(`resource "aws_appsync_api_cache" "orders" {
  api_id               = "api-1"
  type                 = "SMALL"
  api_caching_behavior = "FULL_REQUEST_CACHING"
  ttl                  = 300
  transit_encryption_enabled = true # <--
  at_rest_encryption_enabled = true
}
`, { name: 'transit_encryption_enabled = true' }),
  ],
  fail: [
    `Resources:
  Cache: # <--
    Type: AWS::AppSync::ApiCache
    Properties:
      ApiId: api-1
      Type: SMALL
      ApiCachingBehavior: FULL_REQUEST_CACHING
      Ttl: 300
`,
    tf(`resource "aws_appsync_api_cache" "orders" { # <--
  api_id               = "api-1"
  type                 = "SMALL"
  api_caching_behavior = "FULL_REQUEST_CACHING"
  ttl                  = 300
}
`, { name: 'transit_encryption_enabled not set (false)' }),
    tf(`resource "aws_appsync_api_cache" "orders" {
  api_id               = "api-1"
  type                 = "SMALL"
  api_caching_behavior = "FULL_REQUEST_CACHING"
  ttl                  = 300
  transit_encryption_enabled = false # <--
}
`, { name: 'transit_encryption_enabled = false' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Enc: { Type: String }
Resources:
  Cache:
    Type: AWS::AppSync::ApiCache
    Properties:
      ApiId: api-1
      Type: SMALL
      ApiCachingBehavior: FULL_REQUEST_CACHING
      Ttl: 300
      TransitEncryptionEnabled: !Ref Enc # <--
` },
  ],
});
