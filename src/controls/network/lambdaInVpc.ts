import { decide, defineControl, type Outcome } from '../api.js';
import { isPresent } from '../predicates.js';
import { getPath } from '../../model/value.js';
import { LAMBDA_TYPES } from '../lib/operations.js';

export default defineControl({
  id: 'AT-LAMBDA-009',
  title: 'Lambda functions run inside a VPC',
  domain: 'network',
  severity: 'low',
  resourceTypes: LAMBDA_TYPES,
  rationale: 'A function attached to private subnets can reach databases without public endpoints and its outbound traffic passes through security groups, NAT and VPC endpoints that you control and log.',
  remediation: 'Set VpcConfig with SubnetIds (private subnets) and SecurityGroupIds.',
  remediationTerraform: 'Add a vpc_config block to the aws_lambda_function with subnet_ids (private subnets) and security_group_ids.',
  references: { checkov: ['CKV_AWS_117'], cfn_nag: ['W89'], guard: ['LAMBDA_INSIDE_VPC'] },
  evaluate(r): Outcome {
    const vpc = r.get('VpcConfig');
    const d = decide(vpc, (v) => {
      if (v && v.k === 'unknown') return { unknown: v };
      return isPresent(getPath(v, 'SubnetIds'));
    });
    // The subnets decide; a VpcConfig without them is reported at VpcConfig, none at all at the function.
    const at = r.locate('VpcConfig.SubnetIds');
    const ev = [r.evidence('VpcConfig.SubnetIds', getPath(vpc, 'SubnetIds') ?? vpc)];
    if (d === true) return r.pass('the function is attached to VPC subnets', at, ev);
    if (d === false) return r.fail('VpcConfig.SubnetIds is not set: the function runs outside your VPC', at, ev);
    return r.unknown('cannot tell whether VpcConfig is set correctly', d.unknown, at, ev);
  },
});
