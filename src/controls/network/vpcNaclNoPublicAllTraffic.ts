import { all, defineControl } from '../api.js';
import { allProtocols, fromWorld, isAction, isIngress, p } from './nacl.js';

export default defineControl({
  id: 'AT-VPC-004',
  title: 'Network ACLs do not allow all traffic from the internet',
  domain: 'network',
  severity: 'medium',
  resourceTypes: ['AWS::EC2::NetworkAclEntry'],
  rationale: 'An allow entry for every protocol from 0.0.0.0/0 makes the network ACL a no-op for inbound traffic, removing the subnet-level layer of defence.',
  remediation: 'Replace protocol -1 allow entries from 0.0.0.0/0 or ::/0 with entries for the specific protocols and port ranges the subnet serves.',
  remediationTerraform: 'Replace protocol "-1" allow entries from 0.0.0.0/0 or ::/0 (ingress blocks of the aws_network_acl, aws_network_acl_rule resources) with entries for the specific protocols and port ranges the subnet serves.',
  references: { cfn_nag: ['W66'] },
  evaluate(r) {
    const e = r.resource;
    const ev = ['Egress', 'RuleAction', 'CidrBlock', 'Ipv6CidrBlock', 'Protocol'].filter((k) => p(e, k) !== undefined).map((k) => r.evidence(k));
    const v = all([isIngress(e), isAction(e, 'allow'), fromWorld(e), allProtocols(e)]);
    if (v === true) return r.fail('entry allows every protocol and port from the internet (Protocol -1)', r.locate('Protocol'), ev);
    if (v === false) return r.pass('entry does not allow all inbound traffic from the internet', r.resource.loc, ev);
    return r.unknown('cannot tell whether this entry allows all inbound traffic from the internet', v.unknown, r.resource.loc, ev);
  },
});
