import control from '../../../src/controls/data-protection/elasticacheAtRest.js';
import { cases, tf } from '../../helpers/cases.js';

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
    tf(`resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "app-cache"
  description                = "application cache"
  engine                     = "redis"
  node_type                  = "cache.t3.micro"
  num_cache_clusters         = 2
  at_rest_encryption_enabled = true # <--
  kms_key_id                 = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"
}
`, { name: 'at_rest_encryption_enabled = true' }),
    tf(`resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "app-cache"
  description                = "application cache"
  engine                     = "redis"
  node_type                  = "cache.t3.micro"
  num_cache_clusters         = 2
}
`.replace('"redis"', '"valkey" # <--'), { name: 'valkey engine: encrypted at rest by default' }),
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
    tf(`resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "app-cache"
  description                = "application cache"
  engine                     = "redis"
  node_type                  = "cache.t3.micro"
  num_cache_clusters         = 2
}
`.replace('resource "aws_elasticache_replication_group" "cache" {', 'resource "aws_elasticache_replication_group" "cache" { # <--'), { name: 'redis engine, at_rest_encryption_enabled left out' }),
    tf(`resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "app-cache"
  description                = "application cache"
  engine                     = "redis"
  node_type                  = "cache.t3.micro"
  num_cache_clusters         = 2
  at_rest_encryption_enabled = false # <--
}
`.replace('"redis"', '"valkey"'), { name: 'valkey with at_rest_encryption_enabled = false' }),
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
    tf(`variable "cache_engine" {
  type = string
}

resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "app-cache"
  description                = "application cache"
  engine                     = "redis"
  node_type                  = "cache.t3.micro"
  num_cache_clusters         = 2
}
`.replace('engine                     = "redis"', 'engine                     = var.cache_engine # <--'), { name: 'engine from a variable without a value, encryption left to its default' }),
  ],
});
