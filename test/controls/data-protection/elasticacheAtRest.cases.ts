import control from '../../../src/controls/data-protection/elasticacheAtRest.js';
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
      AtRestEncryptionEnabled: true # <--
`,
    { name: 'Valkey is encrypted at rest unless told otherwise', template: `Resources:
  B:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: cache
      Engine: valkey # <--
      CacheNodeType: cache.t3.micro
` },
  ],
  fail: [
    `Resources:
  B: # <--
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: cache
      Engine: redis
      CacheNodeType: cache.t3.micro
`,
    `Resources:
  B:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: cache
      Engine: redis
      CacheNodeType: cache.t3.micro
      AtRestEncryptionEnabled: false # <--
`,
    { name: 'Valkey with encryption at rest turned off', template: `Resources:
  B:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: cache
      Engine: valkey
      CacheNodeType: cache.t3.micro
      AtRestEncryptionEnabled: false # <--
` },
  ],
  unknown: [
    { name: "parameter without default", template: `Parameters:
  Enc: { Type: String }
Resources:
  B:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: cache
      Engine: redis
      CacheNodeType: cache.t3.micro
      AtRestEncryptionEnabled: !Ref Enc # <--
` },
    { name: 'an engine chosen at deploy time, encryption left to its default', template: `Parameters:
  Engine: { Type: String, AllowedValues: [redis, valkey] }
Resources:
  B:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: cache
      Engine: !Ref Engine # <--
      CacheNodeType: cache.t3.micro
` },
  ],
});
