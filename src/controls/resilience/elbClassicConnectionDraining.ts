import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-ELB-011',
  title: 'Classic load balancers drain connections from deregistered instances',
  domain: 'resilience',
  severity: 'low',
  resourceTypes: ['AWS::ElasticLoadBalancing::LoadBalancer'],
  rationale: 'Without connection draining, an instance that is deregistered or fails its health check has its in-flight requests cut off, so every deployment or scale-in turns into errors for the clients being served.',
  remediation: 'Set ConnectionDrainingPolicy.Enabled: true with a Timeout.',
  remediationTerraform: 'Set connection_draining = true and connection_draining_timeout on the aws_elb.',
  references: {},
  evaluate(r) {
    return r.expect('ConnectionDrainingPolicy.Enabled', isTrue, {
      pass: 'connection draining is enabled',
      fail: 'connection draining is not enabled (it is off unless set): in-flight requests are cut off when an instance leaves the load balancer',
      unknown: 'connection draining depends on a deploy-time value',
    });
  },
});
