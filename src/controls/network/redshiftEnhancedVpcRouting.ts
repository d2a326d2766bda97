import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-RSH-005',
  title: 'Redshift clusters use enhanced VPC routing',
  domain: 'network',
  severity: 'low',
  resourceTypes: ['AWS::Redshift::Cluster'],
  rationale: 'Without enhanced VPC routing, COPY and UNLOAD traffic to S3 bypasses the VPC, so VPC endpoint policies, security groups and flow logs neither restrict nor record where the data goes.',
  remediation: 'Set EnhancedVpcRouting: true and give the cluster\'s subnets a route to S3 (a gateway endpoint, ideally with a restrictive endpoint policy).',
  remediationTerraform: 'Set enhanced_vpc_routing = true on the aws_redshift_cluster and give its subnets a route to S3 (an aws_vpc_endpoint of type Gateway, ideally with a restrictive policy).',
  references: { guard: ['REDSHIFT_ENHANCED_VPC_ROUTING_ENABLED'] },
  evaluate(r) {
    return r.expect('EnhancedVpcRouting', isTrue, {
      pass: 'COPY and UNLOAD traffic goes through the VPC',
      fail: 'EnhancedVpcRouting is not true: COPY and UNLOAD traffic bypasses the VPC\'s controls and flow logs',
      unknown: 'enhanced VPC routing depends on a deploy-time value',
    }, 'not set: false');
  },
});
