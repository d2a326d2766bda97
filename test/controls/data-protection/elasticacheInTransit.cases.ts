import control from '../../../src/controls/data-protection/elasticacheInTransit.js';
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
      TransitEncryptionEnabled: true # <--
`,
    `Resources:
  B:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: cache
      Engine: redis
      CacheNodeType: cache.t3.micro
      TransitEncryptionEnabled: true # <--
      TransitEncryptionMode: required
`,
    tf(`resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "app-cache"
  description                = "application cache"
  engine                     = "redis"
  node_type                  = "cache.t3.micro"
  num_cache_clusters         = 2
  transit_encryption_enabled = true # <--
}
`, { name: 'transit_encryption_enabled = true' }),
    tf(`resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "app-cache"
  description                = "application cache"
  engine                     = "redis"
  node_type                  = "cache.t3.micro"
  num_cache_clusters         = 2
  transit_encryption_enabled = true # <--
  transit_encryption_mode    = "required"
}
`, { name: 'transit encryption required' }),
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
      TransitEncryptionEnabled: true
      TransitEncryptionMode: preferred # <--
`,
    tf(`resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "app-cache"
  description                = "application cache"
  engine                     = "redis"
  node_type                  = "cache.t3.micro"
  num_cache_clusters         = 2
}
`.replace('resource "aws_elasticache_replication_group" "cache" {', 'resource "aws_elasticache_replication_group" "cache" { # <--'), { name: 'transit_encryption_enabled left out (false)' }),
    tf(`resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "app-cache"
  description                = "application cache"
  engine                     = "redis"
  node_type                  = "cache.t3.micro"
  num_cache_clusters         = 2
  transit_encryption_enabled = true
  transit_encryption_mode    = "preferred" # <--
}
`, { name: 'transit_encryption_mode = preferred' }),
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
      TransitEncryptionMode: !Ref Mode # <--
` },
    tf(`variable "transit_encryption" {
  type = bool
}

resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "app-cache"
  description                = "application cache"
  engine                     = "redis"
  node_type                  = "cache.t3.micro"
  num_cache_clusters         = 2
  transit_encryption_enabled = var.transit_encryption # <--
}
`, { name: 'transit encryption from a variable without a value' }),
  ],
});
