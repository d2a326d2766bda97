import { decide, defineControl, type Verdict } from '../api.js';
import { isTrue } from '../predicates.js';
import { asString } from '../../model/value.js';

export default defineControl({
  id: 'AT-ELC-001',
  title: 'ElastiCache replication groups encrypt data at rest',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::ElastiCache::ReplicationGroup'],
  rationale: 'Without at-rest encryption, data that the cache swaps to disk and its backups in S3 are stored unencrypted. The setting is off by default for Redis OSS (on for Valkey) and can only be chosen when the group is created.',
  remediation: 'Set AtRestEncryptionEnabled: true (and KmsKeyId for a customer managed key).',
  remediationTerraform: 'Set at_rest_encryption_enabled = true on the aws_elasticache_replication_group (and kms_key_id for a customer managed key).',
  references: { checkov: ['CKV_AWS_29'], trivy: ['AVD-AWS-0045'], cfn_nag: ['F25'], cdk_nag: [], guard: ['ELASTICACHE_REPLICATION_GROUP_ENCRYPTION_AT_REST'] },
  evaluate(r) {
    if (r.get('AtRestEncryptionEnabled') === undefined) {
      // CreateReplicationGroup defaults AtRestEncryptionEnabled to true for the Valkey engine
      // (false for Redis OSS); CloudFormation sends nothing when the property is left out.
      const engine = r.get('Engine');
      const valkey = decide(engine, (e): Verdict => (e?.k === 'unknown' ? { unknown: e } : asString(e)?.toLowerCase() === 'valkey'));
      const ev = [r.evidence('Engine', engine), r.evidence('AtRestEncryptionEnabled', undefined, 'not set: ElastiCache encrypts Valkey at rest by default, not Redis OSS')];
      if (valkey === true) return r.pass('AtRestEncryptionEnabled is not set and the engine is Valkey, which ElastiCache encrypts at rest by default', r.locate('Engine'), ev);
      if (valkey !== false) return r.unknown('AtRestEncryptionEnabled is not set, and whether the engine is Valkey (encrypted at rest by default) is known only at deploy time', valkey.unknown, r.locate('Engine'), ev);
    }
    return r.expect('AtRestEncryptionEnabled', isTrue, {
      pass: 'data at rest is encrypted',
      fail: 'AtRestEncryptionEnabled is not true: disk swap and backups are unencrypted',
      unknown: 'at-rest encryption depends on a deploy-time value',
    });
  },
});
