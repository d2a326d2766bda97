import { defineControl } from '../api.js';
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
  references: { checkov: ['CKV_AWS_117'], cfn_nag: ['W89'], guard: ['LAMBDA_INSIDE_VPC'] },
  evaluate(r) {
    return r.expect('VpcConfig', (v) => {
      if (v && v.k === 'unknown') return { unknown: v };
      return isPresent(getPath(v, 'SubnetIds'));
    }, {
      pass: 'the function is attached to VPC subnets',
      fail: 'VpcConfig.SubnetIds is not set: the function runs outside your VPC',
    });
  },
});
