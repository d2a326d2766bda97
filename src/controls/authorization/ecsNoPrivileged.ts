import { defineControl } from '../api.js';
import { isNotTrue } from '../predicates.js';
import { everyItem, itemKey } from '../lib/operations.js';

export default defineControl({
  id: 'AT-ECS-001',
  title: 'ECS containers do not run in privileged mode',
  domain: 'authorization',
  severity: 'high',
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  rationale: 'A privileged container gets almost all capabilities of root on the host instance; a compromise of the application becomes a compromise of the host and every task on it.',
  remediation: 'Remove Privileged: true from the container definitions; grant individual Linux capabilities with LinuxParameters.Capabilities.Add if really needed.',
  remediationTerraform: 'Remove "privileged": true from the container_definitions JSON of the aws_ecs_task_definition; if a container really needs more, add single capabilities under linuxParameters.capabilities.add.',
  references: {},
  evaluate(r) {
    return everyItem(r, 'ContainerDefinitions', (c) => itemKey(c, 'Privileged', isNotTrue), {
      pass: 'no container runs privileged',
      fail: (n) => `privileged container(s): ${n.join(', ')}`,
      unknown: 'cannot tell whether a container is privileged',
      none: () => r.notApplicable('the task definition declares no containers'),
    });
  },
});
