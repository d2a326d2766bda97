import { defineControl, evidenceAt } from '../api.js';
import { asList, asString, prop } from '../../model/value.js';

export default defineControl({
  id: 'AT-ASG-001',
  title: 'Auto Scaling groups span at least two Availability Zones',
  domain: 'resilience',
  severity: 'medium',
  resourceTypes: ['AWS::AutoScaling::AutoScalingGroup'],
  rationale: 'A group confined to one Availability Zone loses all its instances when that zone fails and cannot replace them elsewhere. With two or more subnets in different zones the group rebalances and keeps serving.',
  remediation: 'Give VPCZoneIdentifier subnets in at least two Availability Zones (or list two or more AvailabilityZones for EC2-Classic-style groups).',
  remediationTerraform: 'List subnets in at least two Availability Zones in vpc_zone_identifier of the aws_autoscaling_group (or two or more availability_zones).',
  references: { checkov: [], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    const path = r.get('VPCZoneIdentifier') !== undefined ? 'VPCZoneIdentifier' : 'AvailabilityZones';
    const v = r.get(path);
    const ev = [r.evidence(path, v)];
    const at = r.locate(path);
    if (!v) return r.fail('neither VPCZoneIdentifier nor AvailabilityZones is set: the group launches into a single default subnet', at, ev);
    if (v.k === 'unknown') return r.unknown(`${path} is known only at deploy time`, v, at, ev);
    const items = asList(v) ?? [];
    const blocked = items.find((i) => i.k === 'unknown');
    if (items.length < 2) {
      if (blocked) return r.unknown(`${path} is known only at deploy time`, blocked, at, ev);
      return r.fail(`${path} lists ${items.length} entr${items.length === 1 ? 'y' : 'ies'}: the group runs in a single Availability Zone`, at, ev);
    }
    if (path === 'VPCZoneIdentifier') {
      // Subnets declared in this template: compare their zones when they are literal.
      const zones = new Set<string>();
      let allKnown = true;
      for (const i of items) {
        const subnet = r.graph.target(r.resource, i);
        const az = subnet && subnet.type === 'AWS::EC2::Subnet' ? asString(prop(subnet.properties, 'AvailabilityZone')) : undefined;
        if (az === undefined) { allKnown = false; break; }
        zones.add(az);
      }
      if (allKnown && zones.size < 2) {
        return r.fail(`all ${items.length} subnets are in ${[...zones][0]}: the group runs in a single Availability Zone`, at,
          [...ev, evidenceAt(`${path}`, v, at, `subnet zones: ${[...zones].join(', ')}`)]);
      }
      return r.pass(allKnown ? `the subnets cover ${zones.size} Availability Zones` : `the group uses ${items.length} subnets (their zones are assumed distinct)`, at, ev);
    }
    return r.pass(`the group spans ${new Set(items.map((i) => asString(i) ?? '')).size} Availability Zones`, at, ev);
  },
});
