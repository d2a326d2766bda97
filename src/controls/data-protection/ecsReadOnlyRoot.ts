import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';
import { everyItem, itemKey } from '../lib/operations.js';

export default defineControl({
  id: 'AT-ECS-002',
  title: 'ECS containers have a read-only root filesystem',
  domain: 'data-protection',
  severity: 'low',
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  rationale: 'A read-only root filesystem stops an attacker from dropping tools or altering binaries inside a running container; writable paths are then explicit volumes.',
  remediation: 'Set ReadonlyRootFilesystem: true on each container definition and mount volumes for paths the application must write.',
  remediationTerraform: 'Set "readonlyRootFilesystem": true on every container in the container_definitions JSON of the aws_ecs_task_definition, and mount volumes for the paths the application must write.',
  references: {},
  evaluate(r) {
    return everyItem(r, 'ContainerDefinitions', (c) => itemKey(c, 'ReadonlyRootFilesystem', isTrue), {
      pass: 'every container has a read-only root filesystem',
      fail: (n) => `root filesystem is writable in container(s): ${n.join(', ')}`,
      unknown: 'cannot tell whether a root filesystem is read-only',
      none: () => r.notApplicable('the task definition declares no containers'),
    });
  },
});
