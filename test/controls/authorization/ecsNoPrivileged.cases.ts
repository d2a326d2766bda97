import control from '../../../src/controls/authorization/ecsNoPrivileged.js';
import { cases, tf } from '../../helpers/cases.js';
import { HARDENED_TASK, HARDENED_TASK_TF, INSECURE_TASK, INSECURE_TASK_HEREDOC_TF, INSECURE_TASK_TF, marked } from '../compute/ecsTaskTemplates.js';

export default cases(control, {
  pass: [
    // Privileged is left out: the container itself is where that is seen.
    marked(HARDENED_TASK, '- Name: app'),
    tf(marked(HARDENED_TASK_TF, '    {')),
    tf(`resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([
    {
      name       = "app"
      image      = "app:1"
      privileged = false # <--
    }
  ])
}
`, { name: 'privileged set to false' }),
  ],
  fail: [
    marked(INSECURE_TASK, 'Privileged: true'),
    tf(marked(INSECURE_TASK_TF, 'privileged '), { name: 'jsonencode' }),
    tf(INSECURE_TASK_HEREDOC_TF, { name: 'heredoc containers (unmarked: see INSECURE_TASK_HEREDOC_TF)' }),
    tf(`resource "aws_ecs_task_definition" "agent" {
  family       = "agent"
  network_mode = "bridge"
  container_definitions = jsonencode([
    {
      name       = "agent"
      image      = "datadog/agent:7"
      privileged = true # <--
    }
  ])
}
`, { name: 'jsonencode' }),
  ],
  unknown: [
    `Parameters:
  Priv: { Type: String }
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: app:1
          Privileged: !Ref Priv # <--`,
    tf(`variable "privileged" {
  type = bool
}

resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([
    {
      name       = "app"
      image      = "app:1"
      privileged = var.privileged # <--
    }
  ])
}
`, { name: 'privileged from a variable without a value' }),
  ],
  not_applicable: [
    `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      NetworkMode: awsvpc`,
    tf(`resource "aws_ecs_task_definition" "empty" {
  family                = "empty"
  container_definitions = jsonencode([])
}
`, { name: 'no containers' }),
  ],
});
