import control from '../../../src/controls/authorization/ecsNonRootUser.js';
import { cases, tf } from '../../helpers/cases.js';
import { HARDENED_TASK, HARDENED_TASK_TF, INSECURE_TASK, INSECURE_TASK_TF, marked } from '../compute/ecsTaskTemplates.js';

export default cases(control, {
  pass: [
    marked(HARDENED_TASK, 'User: "1000"'),
    tf(marked(HARDENED_TASK_TF, 'user '), { name: 'numeric user in jsonencode' }),
    tf(`resource "aws_ecs_task_definition" "app" {
  family                = "app"
  container_definitions = <<EOF
[
  { "name": "app", "image": "app:1", "user": "app:app" }
]
EOF
}
`, { name: 'named user and group in a heredoc (HCL allows no mark after its opening marker)' }),
  ],
  fail: [
    marked(INSECURE_TASK, 'User: root'),
    { name: 'UID 0 with group', template: `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: app:1
          User: "0:0" # <--` },
    tf(marked(INSECURE_TASK_TF, 'user '), { name: 'root user in jsonencode containers' }),
    tf(`resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([
    { # <--
      name  = "app"
      image = "app:1"
    }
  ])
}
`, { name: 'user left out: the image default (root) applies' }),
  ],
  unknown: [
    tf(`variable "run_as" {
  type = string
}

resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([
    { name = "app", image = "app:1", user = var.run_as } # <--
  ])
}
`, { name: 'user from a variable without a value' }),
  ],
});
