import { defineControl } from '../api.js';
import { isPresent } from '../predicates.js';

export default defineControl({
  id: 'AT-ECS-007',
  title: 'ECS task definitions assign a dedicated task role',
  domain: 'iam',
  severity: 'low',
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  rationale: 'A task role gives each service only the AWS permissions it needs; without one, containers on EC2 capacity fall back to the instance role shared by every task on the host.',
  remediation: 'Set TaskRoleArn to a role scoped to what this task calls (and block container access to instance metadata on EC2 capacity).',
  remediationTerraform: 'Set task_role_arn on the aws_ecs_task_definition to a role scoped to what the task calls (and block container access to instance metadata on EC2 capacity).',
  references: {},
  evaluate(r) {
    return r.expect('TaskRoleArn', isPresent, {
      pass: 'the task has its own IAM role',
      fail: 'TaskRoleArn is not set: the task has no role of its own and may use the instance role on EC2',
    });
  },
});
