import control from '../../../src/controls/network/ecsNoHostNetwork.js';
import { cases, tf } from '../../helpers/cases.js';
import { HARDENED_TASK, HARDENED_TASK_TF, INSECURE_TASK, INSECURE_TASK_TF, marked } from '../compute/ecsTaskTemplates.js';

export default cases(control, {
  pass: [
    marked(HARDENED_TASK, 'NetworkMode:'),
    tf(marked(HARDENED_TASK_TF, 'network_mode ')),
    tf(`resource "aws_ecs_task_definition" "bridge" { # <--
  family                = "bridge"
  container_definitions = jsonencode([{ name = "app", image = "app:1" }])
}
`, { name: 'network_mode left out: ECS uses bridge on EC2' }),
  ],
  fail: [
    marked(INSECURE_TASK, 'NetworkMode:'),
    tf(marked(INSECURE_TASK_TF, 'network_mode ')),
  ],
  unknown: [
    `Parameters:
  Mode: { Type: String }
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      NetworkMode: !Ref Mode # <--`,
    tf(`variable "network_mode" {
  type = string
}

resource "aws_ecs_task_definition" "app" {
  family                = "app"
  network_mode          = var.network_mode # <--
  container_definitions = jsonencode([{ name = "app", image = "app:1" }])
}
`, { name: 'network mode from a variable without a value' }),
  ],
});
