import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-ELB-010',
  title: 'Classic load balancers balance across Availability Zones',
  domain: 'resilience',
  severity: 'low',
  resourceTypes: ['AWS::ElasticLoadBalancing::LoadBalancer'],
  rationale: 'Without cross-zone load balancing each load balancer node sends traffic only to instances in its own zone, so a zone with fewer healthy instances is overloaded while others idle, and losing instances in one zone degrades service more than capacity alone would suggest.',
  remediation: 'Set CrossZone: true.',
  remediationTerraform: 'Leave cross_zone_load_balancing on the aws_elb unset or true (the provider\'s default).',
  references: { checkov: ['CKV_AWS_138'], guard: ['ELB_CROSS_ZONE_LOAD_BALANCING_ENABLED'] },
  evaluate(r) {
    return r.expect('CrossZone', isTrue, {
      pass: 'cross-zone load balancing is enabled',
      fail: 'CrossZone is not true (CloudFormation defaults it to false): each node balances only within its own Availability Zone',
      unknown: 'cross-zone load balancing depends on a deploy-time value',
    });
  },
});
