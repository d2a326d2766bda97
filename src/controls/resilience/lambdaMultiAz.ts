import { defineControl, evidenceAt, type Outcome } from '../api.js';
import type { Value } from '../../model/types.js';
import { asString } from '../../model/value.js';
import { LAMBDA_TYPES } from '../lib/operations.js';

export default defineControl({
  id: 'AT-LAMBDA-013',
  title: 'Lambda functions in a VPC use subnets in at least two Availability Zones',
  domain: 'resilience',
  severity: 'low',
  resourceTypes: LAMBDA_TYPES,
  rationale: 'A function attached to a VPC can only run where it has a network interface. With subnets in a single Availability Zone, an outage of that zone stops every invocation even though Lambda itself runs in several zones.',
  remediation: 'List subnets from at least two Availability Zones in VpcConfig.SubnetIds.',
  remediationTerraform: 'List subnets from at least two Availability Zones in vpc_config { subnet_ids } of the aws_lambda_function.',
  references: {},
  evaluate(r): Outcome {
    const path = 'VpcConfig.SubnetIds';
    const v = r.get(path);
    if (v === undefined || (v.k === 'list' && v.items.length === 0)) return r.notApplicable('the function is not attached to a VPC');
    const at = r.locate(path);
    if (v.k === 'unknown') return r.unknown('the subnets depend on a deploy-time value', v, at, [r.evidence(path)]);
    const items: Value[] = v.k === 'list' ? v.items : [v];
    if (items.length < 2) return r.fail('the function uses a single subnet: it runs in one Availability Zone only', at, [r.evidence(path)]);
    const zones = new Set<string>();
    const ev = [r.evidence(path)];
    let unknown: { v: Value | undefined; why: string } | undefined;
    for (const s of items) {
      const subnet = r.graph.target(r.resource, s);
      if (!subnet || subnet.type !== 'AWS::EC2::Subnet') { unknown ??= { v: s.k === 'unknown' ? s : undefined, why: `subnet ${asString(s) ?? '(reference)'} is not declared in the scanned templates, so its Availability Zone is not known` }; continue; }
      const az = subnet.properties.props.get('AvailabilityZone');
      const zat = subnet.properties.keyLocs.get('AvailabilityZone') ?? subnet.loc;
      ev.push(evidenceAt(`${subnet.id}.Properties.AvailabilityZone`, az, zat));
      const name = asString(az);
      if (name && !(az?.k === 'scalar' && az.refs?.length)) zones.add(name);
      else unknown ??= { v: az?.k === 'unknown' ? az : undefined, why: `the Availability Zone of ${subnet.id} is not known before deployment` };
    }
    if (zones.size >= 2) return r.pass(`the function's subnets are in ${zones.size} Availability Zones (${[...zones].join(', ')})`, at, ev);
    if (unknown) return r.unknown(`cannot tell how many Availability Zones the subnets span: ${unknown.why}`, unknown.v, at, ev);
    return r.fail(`all of the function's subnets are in ${[...zones][0] ?? 'one Availability Zone'}`, at, ev);
  },
});
