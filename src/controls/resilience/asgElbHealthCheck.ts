import { any, decide, defineControl } from '../api.js';
import { isPresent, oneOf } from '../predicates.js';

export default defineControl({
  id: 'AT-ASG-002',
  title: 'Auto Scaling groups behind a load balancer use its health checks',
  domain: 'resilience',
  severity: 'low',
  resourceTypes: ['AWS::AutoScaling::AutoScalingGroup'],
  rationale: 'With the default EC2 health checks the group replaces an instance only when the instance itself fails, so an instance whose application no longer answers stays in service while the load balancer marks it unhealthy.',
  remediation: 'Set HealthCheckType: ELB and a HealthCheckGracePeriod long enough for the application to start.',
  remediationTerraform: 'Set health_check_type = "ELB" on the aws_autoscaling_group (the provider defaults to EC2) with a health_check_grace_period long enough for the application to start.',
  references: { checkov: [], trivy: [], cfn_nag: [], cdk_nag: [], guard: ['AUTOSCALING_GROUP_ELB_HEALTHCHECK_REQUIRED'] },
  evaluate(r) {
    const lb = any([decide(r.get('TargetGroupARNs'), isPresent), decide(r.get('LoadBalancerNames'), isPresent)]);
    if (lb === false) return r.notApplicable('the group is not attached to a load balancer or target group');
    if (lb !== true) return r.unknown('whether the group is attached to a load balancer depends on a deploy-time value', lb.unknown);
    return r.expect('HealthCheckType', oneOf(['ELB']), {
      pass: 'the group uses load balancer health checks',
      fail: 'HealthCheckType is not ELB: instances failing the load balancer health check are not replaced',
      unknown: 'the health check type depends on a deploy-time value',
    });
  },
});
