import { defineControl } from '../api.js';
import { noneOf } from '../predicates.js';

export default defineControl({
  id: 'AT-ECS-010',
  title: 'ECS tasks do not share the host\'s process namespace',
  domain: 'authorization',
  severity: 'high',
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  rationale: 'With PidMode host, containers see every process on the container instance, other tasks\' included, and can signal or trace them: a compromised container can read secrets from other processes\' memory and environment or kill them.',
  remediation: 'Leave PidMode unset or set it to task.',
  remediationTerraform: 'Leave pid_mode on the aws_ecs_task_definition unset or set it to "task".',
  references: { checkov: ['CKV_AWS_335'] },
  evaluate(r) {
    return r.expect('PidMode', noneOf(['host']), {
      pass: 'containers do not share the host\'s process namespace',
      fail: 'PidMode is host: containers can see and signal every process on the host',
      unknown: 'the process namespace mode depends on a deploy-time value',
    });
  },
});
