import { defineControl, type Outcome } from '../api.js';
import type { Value } from '../../model/types.js';
import { LAMBDA_TYPES } from '../lib/operations.js';
import { subnetZones } from '../lib/workloads.js';

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
    const { zones, evidence, unknown } = subnetZones(r, items);
    const ev = [r.evidence(path), ...evidence];
    if (zones.size >= 2) return r.pass(`the function's subnets are in ${zones.size} Availability Zones (${[...zones].join(', ')})`, at, ev);
    if (unknown) return r.unknown(`cannot tell how many Availability Zones the subnets span: ${unknown.why}`, unknown.v, at, ev);
    return r.fail(`all of the function's subnets are in ${[...zones][0] ?? 'one Availability Zone'}`, at, ev);
  },
});
