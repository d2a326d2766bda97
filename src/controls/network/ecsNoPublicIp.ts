import { defineControl } from '../api.js';
import { noneOf } from '../predicates.js';

const P = 'NetworkConfiguration.AwsvpcConfiguration';

export default defineControl({
  id: 'AT-ECSNET-001',
  title: 'ECS services do not assign public IP addresses to tasks',
  domain: 'network',
  severity: 'high',
  resourceTypes: ['AWS::ECS::Service'],
  rationale: 'Tasks with public addresses are reachable directly from the internet, bypassing the load balancer and any WAF in front of it; their exposure then rests on security groups alone.',
  remediation: 'Set AssignPublicIp: DISABLED (the default) and run tasks in private subnets with a NAT gateway or VPC endpoints for outbound access.',
  remediationTerraform: 'Set assign_public_ip = false (the default) in the network_configuration block of the aws_ecs_service and run tasks in private subnets with a NAT gateway or VPC endpoints for outbound access.',
  references: {},
  evaluate(r) {
    if (!r.get(P)) {
      const nc = r.get('NetworkConfiguration');
      if (nc && nc.k === 'unknown') return r.unknown('cannot read the network configuration', nc, r.locate('NetworkConfiguration'), [r.evidence('NetworkConfiguration')]);
      return r.notApplicable('service does not use awsvpc networking (tasks use the host\'s network)');
    }
    return r.expect(`${P}.AssignPublicIp`, noneOf(['ENABLED'], true), {
      pass: 'tasks do not get public IP addresses',
      fail: 'AssignPublicIp is ENABLED: every task gets a public IP address',
      unknown: 'cannot tell whether tasks get public IP addresses',
    });
  },
});
