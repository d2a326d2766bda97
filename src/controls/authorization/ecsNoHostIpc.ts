import { defineControl } from '../api.js';
import { noneOf } from '../predicates.js';

export default defineControl({
  id: 'AT-ECS-011',
  title: 'ECS tasks do not share the host\'s IPC namespace',
  domain: 'authorization',
  severity: 'high',
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  rationale: 'With IpcMode host, containers share the host\'s shared memory segments, semaphores and message queues, so a compromised container can read or tamper with the inter-process communication of everything else on the instance.',
  remediation: 'Leave IpcMode unset, or set it to none or task.',
  remediationTerraform: 'Leave ipc_mode on the aws_ecs_task_definition unset, or set it to "none" or "task".',
  references: {},
  evaluate(r) {
    return r.expect('IpcMode', noneOf(['host']), {
      pass: 'containers do not share the host\'s IPC namespace',
      fail: 'IpcMode is host: containers share the host\'s shared memory and IPC resources',
      unknown: 'the IPC namespace mode depends on a deploy-time value',
    });
  },
});
