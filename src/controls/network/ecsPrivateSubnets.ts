import { defineControl, evidenceAt, type Outcome } from '../api.js';
import { render } from '../../model/value.js';
import { classifySubnet } from '../lib/network.js';

const P = 'NetworkConfiguration.AwsvpcConfiguration.Subnets';

export default defineControl({
  id: 'AT-ECSNET-002',
  title: 'ECS services run tasks in private subnets',
  domain: 'network',
  severity: 'medium',
  resourceTypes: ['AWS::ECS::Service'],
  rationale: 'Tasks in a subnet routed to an internet gateway are one setting (a public IP) away from direct internet exposure; private subnets keep the load balancer as the only entry point.',
  remediation: 'Place tasks in subnets whose route tables send 0.0.0.0/0 to a NAT gateway (or nowhere) rather than an internet gateway, and that do not map public IPs on launch.',
  remediationTerraform: 'List in network_configuration { subnets } of the aws_ecs_service only subnets whose route table sends 0.0.0.0/0 to a NAT gateway (nat_gateway_id) or nowhere, not to an aws_internet_gateway (gateway_id), and whose map_public_ip_on_launch is false.',
  references: {},
  evaluate(r) {
    const subnets = r.get(P);
    if (!subnets) return r.notApplicable('service does not use awsvpc networking');
    const at0 = r.locate(P);
    if (subnets.k === 'unknown') return r.unknown('the task subnets are known only at deploy time, so whether they are private is unknown', subnets, at0, [r.evidence(P)]);
    if (subnets.k !== 'list') return undefined;
    const outs: Outcome[] = [];
    subnets.items.forEach((s, i) => {
      const ev = evidenceAt(`Properties.${P}[${i}]`, s, s.loc);
      const sub = r.graph.target(r.resource, s);
      if (!sub || sub.type !== 'AWS::EC2::Subnet') {
        const blocking = s.k === 'unknown' ? s : undefined;
        outs.push(r.unknown(`subnet ${render(s)} is not declared in the scanned templates, so whether it is public is unknown`, blocking, s.loc, [ev]));
        return;
      }
      const c = classifySubnet(r.graph, sub);
      if (c.kind === 'public') outs.push(r.fail(`tasks run in public subnet ${sub.id}: ${c.reason}`, s.loc, [ev, ...c.evidence]));
      else if (c.kind === 'private') outs.push(r.pass(`subnet ${sub.id} is private: ${c.reason}`, s.loc, [ev, ...c.evidence]));
      else outs.push(r.unknown(`whether subnet ${sub.id} is public is unknown: ${c.reason}`, c.blocking, s.loc, [ev, ...c.evidence]));
    });
    const bad = outs.filter((o) => o.status !== 'pass');
    return bad.length ? bad : outs;
  },
});
