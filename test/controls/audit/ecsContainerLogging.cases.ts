import control from '../../../src/controls/audit/ecsContainerLogging.js';
import { cases, tf } from '../../helpers/cases.js';
import { HARDENED_TASK, HARDENED_TASK_TF, INSECURE_TASK, INSECURE_TASK_TF, marked } from '../compute/ecsTaskTemplates.js';

export default cases(control, {
  pass: [
    marked(HARDENED_TASK, 'LogConfiguration:'),
    tf(marked(HARDENED_TASK_TF, 'logConfiguration = {'), { name: 'jsonencode with an awslogs driver' }),
    tf(`resource "aws_ecs_task_definition" "firelens" {
  family = "firelens"
  container_definitions = jsonencode([
    {
      name  = "log_router"
      image = "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable"
      firelensConfiguration = { type = "fluentbit" }
      logConfiguration      = { logDriver = "awslogs" } # <--
    },
    {
      name             = "app"
      image            = "app:1"
      logConfiguration = { logDriver = "awsfirelens" }
    }
  ])
}
`, { name: 'every container of several has a driver' }),
  ],
  fail: [
    // Neither container logs; the first is where the finding points.
    marked(INSECURE_TASK, '- Name: app'),
    tf(marked(INSECURE_TASK_TF, '    {'), { name: 'neither container logs' }),
    tf(`resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([
    {
      name             = "app"
      image            = "app:1"
      logConfiguration = { logDriver = "awslogs" }
    },
    { # <--
      name  = "sidecar"
      image = "proxy:1"
    }
  ])
}
`, { name: 'the sidecar does not log' }),
  ],
  unknown: [
    tf(`variable "log_driver" {
  type = string
}

resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([
    {
      name             = "app"
      image            = "app:1"
      logConfiguration = { logDriver = var.log_driver } # <--
    }
  ])
}
`, { name: 'containers built from a variable without a value' }),
  ],
});
