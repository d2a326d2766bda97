import { defineControl } from '../api.js';
import { noneOf } from '../predicates.js';

export default defineControl({
  id: 'AT-ECS-006',
  title: 'ECS tasks do not use host network mode',
  domain: 'network',
  severity: 'medium',
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  rationale: 'In host mode containers share the instance network stack: security groups cannot separate tasks, the containers can reach the instance metadata service and bind any host port.',
  remediation: 'Use NetworkMode: awsvpc (required on Fargate) so each task gets its own network interface and security groups.',
  remediationTerraform: 'Set network_mode = "awsvpc" on the aws_ecs_task_definition (required on Fargate) so each task gets its own network interface and security groups.',
  references: {},
  evaluate(r) {
    return r.expect('NetworkMode', noneOf(['host']), {
      pass: 'the task does not share the host network stack',
      fail: 'NetworkMode is host: containers share the instance network namespace',
    });
  },
});
