import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-MDB-001',
  title: 'MemoryDB clusters encrypt connections with TLS',
  domain: 'data-protection',
  severity: 'high',
  resourceTypes: ['AWS::MemoryDB::Cluster'],
  rationale: 'With TLS off, clients send commands, stored values and ACL passwords to MemoryDB in clear, and a cluster without TLS must use the open-access ACL, so any client on the network can connect. The Terraform provider turns TLS on when tls_enabled is left out; the CloudFormation property has no documented default here, so a template that leaves it out is reported as not known.',
  remediation: 'Set TLSEnabled: true with an ACL other than open-access. It can only be chosen at creation.',
  remediationTerraform: 'Leave tls_enabled on the aws_memorydb_cluster unset or true (the provider\'s default) and set acl_name to an ACL other than open-access; it can only be chosen at creation.',
  references: { checkov: ['CKV_AWS_202'], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    if (r.get('TLSEnabled') === undefined) {
      return r.unknown('TLSEnabled is left out: whether MemoryDB enables TLS is not known from the template', undefined, r.resource.loc, [r.evidence('TLSEnabled', undefined, 'left out; set it explicitly')]);
    }
    return r.expect('TLSEnabled', isTrue, {
      pass: 'connections to the cluster are encrypted with TLS',
      fail: 'TLSEnabled is false: clients connect to the cluster unencrypted',
      unknown: 'TLS depends on a deploy-time value',
    });
  },
});
