import { any, decide, defineControl } from '../api.js';
import { isPresent } from '../predicates.js';

export default defineControl({
  id: 'AT-ELC-003',
  title: 'ElastiCache replication groups require client authentication',
  domain: 'authentication',
  severity: 'medium',
  resourceTypes: ['AWS::ElastiCache::ReplicationGroup'],
  rationale: 'Without an AUTH token or role-based access control, any host that can reach the cache port can read and overwrite every key, so network rules are the only safeguard.',
  remediation: 'Attach a user group (UserGroupIds) for role-based access control, or set AuthToken from a Secrets Manager dynamic reference; both need TransitEncryptionEnabled: true.',
  remediationTerraform: 'Set user_group_ids on the aws_elasticache_replication_group (an aws_elasticache_user_group for role-based access control), or auth_token from a sensitive variable or Secrets Manager; both need transit_encryption_enabled = true.',
  references: { checkov: ['CKV_AWS_31'], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    const d = any([decide(r.get('UserGroupIds'), isPresent), decide(r.get('AuthToken'), isPresent)]);
    const ev = [r.evidence('UserGroupIds'), r.evidence('AuthToken')];
    if (d === true) {
      const path = decide(r.get('UserGroupIds'), isPresent) === true ? 'UserGroupIds' : 'AuthToken';
      return r.pass(path === 'UserGroupIds' ? 'clients authenticate through RBAC user groups' : 'clients authenticate with an AUTH token', r.locate(path), ev);
    }
    if (d === false) return r.fail('neither UserGroupIds nor AuthToken is set: any client that reaches the port is accepted', r.resource.loc, ev);
    // At the setting that is not known, which decides.
    const open = decide(r.get('UserGroupIds'), isPresent) === false ? 'AuthToken' : 'UserGroupIds';
    return r.unknown('client authentication depends on a deploy-time value', d.unknown, r.locate(open), ev);
  },
});
