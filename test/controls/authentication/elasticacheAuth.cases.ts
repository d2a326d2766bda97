import control from '../../../src/controls/authentication/elasticacheAuth.js';
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
      TransitEncryptionEnabled: true
      UserGroupIds: [app-users] # <--
`,
    `Resources:
  B:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: cache
      Engine: redis
      CacheNodeType: cache.t3.micro
      TransitEncryptionEnabled: true
      AuthToken: '{{resolve:secretsmanager:cache-token}}' # <--
`,
    tf(`resource "random_password" "redis" {
  length  = 64
  special = false
}

resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "app-cache"
  description                = "application cache"
  engine                     = "redis"
  node_type                  = "cache.t3.micro"
  num_cache_clusters         = 2
  transit_encryption_enabled = true
  auth_token                 = random_password.redis.result # <--
}
`, { name: 'auth_token from a generated password' }),
    tf(`resource "aws_elasticache_user_group" "app" {
  engine        = "REDIS"
  user_group_id = "app-users"
  user_ids      = ["default"]
}

resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "app-cache"
  description                = "application cache"
  engine                     = "redis"
  node_type                  = "cache.t3.micro"
  num_cache_clusters         = 2
  transit_encryption_enabled = true
  user_group_ids             = [aws_elasticache_user_group.app.user_group_id] # <--
}
`, { name: 'RBAC user group' }),
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
    tf(`resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "app-cache"
  description                = "application cache"
  engine                     = "redis"
  node_type                  = "cache.t3.micro"
  num_cache_clusters         = 2
}
`.replace('resource "aws_elasticache_replication_group" "cache" {', 'resource "aws_elasticache_replication_group" "cache" { # <--'), { name: 'neither auth_token nor user_group_ids' }),
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
      AuthToken: !If [IsProd, '{{resolve:secretsmanager:cache-token}}', !Ref AWS::NoValue] # <--
` },
    tf(`variable "redis_auth_token" {
  type      = string
  sensitive = true
}

resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "app-cache"
  description                = "application cache"
  engine                     = "redis"
  node_type                  = "cache.t3.micro"
  num_cache_clusters         = 2
  transit_encryption_enabled = true
  auth_token                 = var.redis_auth_token # <--
}
`, { name: 'auth_token from a variable without a value (null would leave AUTH off)' }),
  ],
});
