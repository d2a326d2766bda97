import control from '../../../src/controls/data-protection/elasticacheAuth.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: cache
      Engine: redis
      CacheNodeType: cache.t3.micro
      TransitEncryptionEnabled: true
      UserGroupIds: [app-users]
`,
    `Resources:
  B:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: cache
      Engine: redis
      CacheNodeType: cache.t3.micro
      TransitEncryptionEnabled: true
      AuthToken: '{{resolve:secretsmanager:cache-token}}'
`,
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: cache
      Engine: redis
      CacheNodeType: cache.t3.micro
`,
  ],
  unknown: [
    { name: "token only under an undecidable condition", template: `Parameters:
  Env: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  B:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: cache
      Engine: redis
      CacheNodeType: cache.t3.micro
      AuthToken: !If [IsProd, '{{resolve:secretsmanager:cache-token}}', !Ref AWS::NoValue]
` },
  ],
});
