import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-ELC-001',
  title: 'ElastiCache replication groups encrypt data at rest',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::ElastiCache::ReplicationGroup'],
  rationale: 'Without at-rest encryption, data that the cache swaps to disk and its backups in S3 are stored unencrypted. The setting is off by default and can only be chosen when the group is created.',
  remediation: 'Set AtRestEncryptionEnabled: true (and KmsKeyId for a customer managed key).',
  references: { checkov: ['CKV_AWS_29'], trivy: ['AVD-AWS-0045'], cfn_nag: ['F25'], cdk_nag: [], guard: ['ELASTICACHE_REPLICATION_GROUP_ENCRYPTION_AT_REST'] },
  evaluate(r) {
    return r.expect('AtRestEncryptionEnabled', isTrue, {
      pass: 'data at rest is encrypted',
      fail: 'AtRestEncryptionEnabled is not true: disk swap and backups are unencrypted',
      unknown: 'at-rest encryption depends on a deploy-time value',
    });
  },
});
