import { defineControl } from '../api.js';
import { isPresent } from '../predicates.js';
import { getPath } from '../../model/value.js';
import { everyItem, itemKey } from '../lib/operations.js';

export default defineControl({
  id: 'AT-ECS-003',
  title: 'ECS containers send their logs to a log driver',
  domain: 'audit',
  severity: 'medium',
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  rationale: 'Without a log configuration, container output stays on the host (or is lost with Fargate tasks), so application events are unavailable for monitoring and investigations.',
  remediation: 'Set LogConfiguration.LogDriver (e.g. awslogs with awslogs-group, or awsfirelens) on every container definition.',
  remediationTerraform: 'In the container_definitions JSON of the aws_ecs_task_definition, give every container a logConfiguration with a logDriver (for example awslogs with the awslogs-group option, or awsfirelens).',
  references: { cdk_nag: ['AwsSolutions-ECS7'] },
  evaluate(r) {
    return everyItem(r, 'ContainerDefinitions', (c) => itemKey(c, 'LogConfiguration', (v) => (v && v.k === 'unknown' ? { unknown: v } : isPresent(getPath(v, 'LogDriver')))), {
      pass: 'every container has a log driver',
      fail: (n) => `no LogConfiguration.LogDriver in container(s): ${n.join(', ')}`,
      unknown: 'cannot tell whether a container logs',
      none: () => r.notApplicable('the task definition declares no containers'),
    });
  },
});
