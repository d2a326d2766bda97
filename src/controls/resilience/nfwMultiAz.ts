import { defineControl, evidenceAt, type Outcome } from '../api.js';
import type { Value } from '../../model/types.js';
import { prop } from '../../model/value.js';
import { subnetZones } from '../lib/workloads.js';

export default defineControl({
  id: 'AT-NFW-008',
  title: 'Network Firewall firewalls have endpoints in at least two Availability Zones',
  domain: 'resilience',
  severity: 'medium',
  resourceTypes: ['AWS::NetworkFirewall::Firewall'],
  rationale: 'A firewall endpoint lives in one Availability Zone. With endpoints in a single zone, an outage there cuts off (or, if routes are changed in a hurry, bypasses) inspection for the whole VPC; routing each zone through its own endpoint keeps a zone failure contained.',
  remediation: 'List subnets from at least two Availability Zones in SubnetMappings.',
  remediationTerraform: 'Add one subnet_mapping block per Availability Zone, in at least two zones, to the aws_networkfirewall_firewall.',
  references: {},
  evaluate(r): Outcome {
    const path = 'SubnetMappings';
    const v = r.get(path);
    const at = r.locate(path);
    if (v?.k === 'unknown') return r.unknown('the subnet mappings depend on a deploy-time value', v, at, [r.evidence(path)]);
    const items = v?.k === 'list' ? v.items : [];
    const subnets: Value[] = items.map((m) => (m.k === 'unknown' ? m : prop(m, 'SubnetId') ?? { k: 'absent', loc: m.loc }));
    if (subnets.length < 2) return r.fail(`the firewall has ${subnets.length === 1 ? 'a single endpoint subnet' : 'no subnet mapping'}: inspection depends on one Availability Zone`, at, [r.evidence(path)]);
    const { zones, evidence, unknown } = subnetZones(r, subnets);
    const ev = [r.evidence(path), ...evidence];
    if (zones.size >= 2) return r.pass(`firewall endpoints are in ${zones.size} Availability Zones (${[...zones].join(', ')})`, at, ev);
    if (unknown) return r.unknown(`cannot tell how many Availability Zones the endpoints span: ${unknown.why}`, unknown.v, at, ev);
    return r.fail(`every endpoint subnet is in ${[...zones][0] ?? 'one Availability Zone'}`, at, [...ev, evidenceAt(`Properties.${path}`, v, at)]);
  },
});
