import { all, any, defineControl, type Verdict } from '../api.js';
import { render } from '../../model/value.js';
import { coversPort, deniedEarlier, fromWorld, isAction, isIngress, p } from './nacl.js';

const ADMIN = [22, 3389];

export default defineControl({
  id: 'AT-VPC-003',
  title: 'Network ACLs do not allow ingress from the internet to SSH or RDP',
  domain: 'network',
  severity: 'high',
  resourceTypes: ['AWS::EC2::NetworkAclEntry'],
  rationale: 'A network ACL allowing 0.0.0.0/0 to remote administration ports leaves the subnet relying on security groups alone for the most attacked ports.',
  remediation: 'Remove allow entries for ports 22 and 3389 from 0.0.0.0/0 or ::/0 (including protocol -1 entries), or add a lower-numbered deny entry for those ports.',
  remediationTerraform: 'Remove allow entries for ports 22 and 3389 from 0.0.0.0/0 or ::/0 (protocol "-1" entries included) in the ingress blocks of the aws_network_acl or in aws_network_acl_rule resources, or add a lower-numbered deny entry for those ports.',
  references: { trivy: ['AVD-AWS-0105'] },
  evaluate(r) {
    const e = r.resource;
    const ev = ['Egress', 'RuleAction', 'CidrBlock', 'Ipv6CidrBlock', 'Protocol', 'PortRange'].filter((k) => p(e, k) !== undefined).map((k) => r.evidence(k));
    const base = all([isIngress(e), isAction(e, 'allow'), fromWorld(e)]);
    if (base === false) return r.pass('entry does not allow inbound traffic from the internet', r.resource.loc, ev);
    const open = ADMIN.filter((port) => coversPort(e, port) !== false && !deniedEarlier(r.graph, e, port));
    const v: Verdict = open.length ? all([base, any(open.map((port) => coversPort(e, port)))]) : false;
    if (v === true) return r.fail(`entry allows ${open.join(' and ')} from ${render(p(e, 'CidrBlock') ?? p(e, 'Ipv6CidrBlock'))} (protocol ${render(p(e, 'Protocol'))})`, r.locate('Protocol'), ev);
    if (v === false) return r.pass('entry does not open SSH or RDP to the internet', r.resource.loc, ev);
    return r.unknown('cannot tell whether this entry opens SSH or RDP to the internet', v.unknown, r.resource.loc, ev);
  },
});
