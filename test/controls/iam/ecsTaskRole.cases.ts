import control from '../../../src/controls/iam/ecsTaskRole.js';
import { cases, tf } from '../../helpers/cases.js';
import { HARDENED_TASK, HARDENED_TASK_TF, INSECURE_TASK, INSECURE_TASK_TF, marked } from '../compute/ecsTaskTemplates.js';

export default cases(control, {
  pass: [
    marked(HARDENED_TASK, 'TaskRoleArn:'),
    tf(marked(HARDENED_TASK_TF, 'task_role_arn ')),
  ],
  fail: [
    marked(INSECURE_TASK, 'Task:'), // TaskRoleArn left out: the resource
    tf(marked(INSECURE_TASK_TF, 'resource "aws_ecs_task_definition"')),
    tf(`resource "aws_ecs_task_definition" "app" { # <--
  family             = "app"
  execution_role_arn = aws_iam_role.execution.arn
  container_definitions = jsonencode([{ name = "app", image = "app:1" }])
}

resource "aws_iam_role" "execution" {
  name               = "app-execution"
  assume_role_policy = "{}"
}
`, { name: 'only an execution role (it pulls the image and writes logs; the containers get no role from it)' }),
  ],
  unknown: [
    tf(`variable "task_role_arn" {
  type = string
}

resource "aws_ecs_task_definition" "app" {
  family                = "app"
  task_role_arn         = var.task_role_arn # <--
  container_definitions = jsonencode([{ name = "app", image = "app:1" }])
}
`, { name: 'task role from a variable without a value' }),
  ],
});
