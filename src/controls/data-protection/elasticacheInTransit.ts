import { decide, defineControl } from '../api.js';
import { isTrue, noneOf } from '../predicates.js';

export default defineControl({
  id: 'AT-ELC-002',
  title: 'ElastiCache replication groups require encryption in transit',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::ElastiCache::ReplicationGroup'],
  rationale: 'Without TLS, cached data and AUTH credentials travel in clear text between clients and nodes and between replicas. TransitEncryptionMode "preferred" still accepts unencrypted clients, so it only helps during a migration.',
  remediation: 'Set TransitEncryptionEnabled: true and leave TransitEncryptionMode unset or set it to required.',
  remediationTerraform: 'Set transit_encryption_enabled = true on the aws_elasticache_replication_group and leave transit_encryption_mode unset or "required".',
  references: { checkov: ['CKV_AWS_30'], trivy: ['AVD-AWS-0051'], cfn_nag: [], cdk_nag: [], guard: ['ELASTICACHE_REPLICATION_GROUP_TRANSIT_ENCRYPTION'] },
  evaluate(r) {
    const on = r.expect('TransitEncryptionEnabled', isTrue, {
      pass: 'encryption in transit is enabled',
      fail: 'TransitEncryptionEnabled is not true: connections are unencrypted',
      unknown: 'encryption in transit depends on a deploy-time value',
    });
    if (on.status !== 'pass') return on;
    const mode = decide(r.get('TransitEncryptionMode'), noneOf(['preferred'], true));
    const ev = [r.evidence('TransitEncryptionEnabled'), r.evidence('TransitEncryptionMode')];
    if (mode === true) return r.pass('TLS is required for every connection', r.locate('TransitEncryptionEnabled'), ev);
    if (mode === false) return r.fail('TransitEncryptionMode is preferred: unencrypted client connections are still accepted', r.locate('TransitEncryptionMode'), ev);
    return r.unknown('the transit encryption mode depends on a deploy-time value', mode.unknown, r.locate('TransitEncryptionMode'), ev);
  },
});
