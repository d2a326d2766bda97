import control from '../../../src/controls/data-protection/elasticacheInTransit.js';
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
`,
    `Resources:
  B:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: cache
      Engine: redis
      CacheNodeType: cache.t3.micro
      TransitEncryptionEnabled: true
      TransitEncryptionMode: required
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
    `Resources:
  B:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: cache
      Engine: redis
      CacheNodeType: cache.t3.micro
      TransitEncryptionEnabled: true
      TransitEncryptionMode: preferred
`,
  ],
  unknown: [
    { name: "mode from a parameter without default", template: `Parameters:
  Mode: { Type: String }
Resources:
  B:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: cache
      Engine: redis
      CacheNodeType: cache.t3.micro
      TransitEncryptionEnabled: true
      TransitEncryptionMode: !Ref Mode
` },
  ],
});
