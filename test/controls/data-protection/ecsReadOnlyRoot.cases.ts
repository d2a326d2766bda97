import control from '../../../src/controls/data-protection/ecsReadOnlyRoot.js';
import { cases, tf } from '../../helpers/cases.js';
import { HARDENED_TASK, HARDENED_TASK_TF, INSECURE_TASK, INSECURE_TASK_HEREDOC_TF, INSECURE_TASK_TF, marked } from '../compute/ecsTaskTemplates.js';

export default cases(control, {
  pass: [
    marked(HARDENED_TASK, 'ReadonlyRootFilesystem: true'),
    tf(marked(HARDENED_TASK_TF, 'readonlyRootFilesystem')),
  ],
  fail: [
    marked(INSECURE_TASK, 'ReadonlyRootFilesystem: false'),
    { name: 'second container lacks the flag', template: `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: app:1
          ReadonlyRootFilesystem: true
        - Name: sidecar # <--
          Image: proxy:1` },
    tf(marked(INSECURE_TASK_TF, 'readonlyRootFilesystem'), { name: 'jsonencode' }),
    tf(INSECURE_TASK_HEREDOC_TF, { name: 'heredoc containers (unmarked: see INSECURE_TASK_HEREDOC_TF)' }),
    tf(`resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([
    {
      name                   = "app"
      image                  = "app:1"
      readonlyRootFilesystem = true
    },
    { # <--
      name  = "sidecar"
      image = "proxy:1"
    }
  ])
}
`, { name: 'the sidecar lacks the flag' }),
  ],
  unknown: [
    { name: 'condition picks read-only', template: `Parameters:
  Env: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: app:1
          ReadonlyRootFilesystem: !If [IsProd, true, false] # <--` },
    tf(`variable "env" {
  type = string
}

resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([
    {
      name                   = "app"
      image                  = "app:1"
      readonlyRootFilesystem = var.env == "prod" # <--
    }
  ])
}
`, { name: 'read-only only in production, the environment not known' }),
  ],
});
