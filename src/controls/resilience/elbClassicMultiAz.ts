import { defineControl, type Outcome } from '../api.js';
import { asString } from '../../model/value.js';
import { stringsOf, subnetZones } from '../lib/workloads.js';

export default defineControl({
  id: 'AT-ELB-014',
  title: 'Classic load balancers serve from at least two Availability Zones',
  domain: 'resilience',
  severity: 'medium',
  resourceTypes: ['AWS::ElasticLoadBalancing::LoadBalancer'],
  rationale: 'A classic load balancer has nodes only in the zones (or the zones of the subnets) it is given. With one zone, an outage there takes the load balancer and everything behind it offline, however many instances run elsewhere.',
  remediation: 'List subnets in at least two Availability Zones in Subnets, or at least two zones in AvailabilityZones.',
  remediationTerraform: 'List subnets in at least two Availability Zones in subnets of the aws_elb, or at least two zones in availability_zones.',
  references: {},
  evaluate(r): Outcome {
    const subnets = r.get('Subnets');
    if (subnets?.k === 'unknown') return r.unknown('the subnets depend on a deploy-time value', subnets, r.locate('Subnets'), [r.evidence('Subnets')]);
    if (subnets?.k === 'list' && subnets.items.length) {
      const at = r.locate('Subnets');
      if (subnets.items.length < 2) return r.fail('the load balancer has a single subnet: it serves from one Availability Zone', at, [r.evidence('Subnets')]);
      const { zones, evidence, unknown } = subnetZones(r, subnets.items);
      const ev = [r.evidence('Subnets'), ...evidence];
      if (zones.size >= 2) return r.pass(`the load balancer's subnets are in ${zones.size} Availability Zones`, at, ev);
      if (unknown) return r.unknown(`cannot tell how many Availability Zones the subnets span: ${unknown.why}`, unknown.v, at, ev);
      return r.fail(`all of the load balancer's subnets are in ${[...zones][0] ?? 'one Availability Zone'}`, at, ev);
    }
    const azs = r.get('AvailabilityZones');
    const at = r.locate('AvailabilityZones');
    const { words, unknown } = stringsOf(azs);
    if (new Set(words).size >= 2) return r.pass(`the load balancer serves from ${new Set(words).size} Availability Zones`, at, [r.evidence('AvailabilityZones')]);
    if (unknown) return r.unknown('the Availability Zones depend on a deploy-time value', unknown, at, [r.evidence('AvailabilityZones')]);
    if (azs === undefined) return r.unknown('neither Subnets nor AvailabilityZones is written: the load balancer takes the default subnets the account offers, which are not known', undefined, r.resource.loc, [r.evidence('Subnets', undefined, 'not set')]);
    return r.fail(`the load balancer serves from ${words.length === 1 ? asString(azs) ?? 'one zone' : 'fewer than two zones'} only`, at, [r.evidence('AvailabilityZones')]);
  },
});
