import control from '../../../src/controls/authorization/ecsNoHostPid.js';
import { cases, tf } from '../../helpers/cases.js';

const containers = '[{ Name: app, Image: "nginx:1.27", Essential: true }]';

export default cases(control, {
  pass: [
    `Resources:
  Task: # <--
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions: ${containers}
`,
    tf(`resource "aws_ecs_task_definition" "app" {
  family                = "app"
  container_definitions = jsonencode([{ name = "app", image = "nginx:1.27", essential = true }])
  pid_mode = "task" # <--
}
`, { name: 'pid_mode = task' }),
  ],
  fail: [
    `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      PidMode: host # <--
      ContainerDefinitions: ${containers}
`,
    tf(`resource "aws_ecs_task_definition" "app" {
  family                = "app"
  container_definitions = jsonencode([{ name = "app", image = "nginx:1.27", essential = true }])
  pid_mode = "host" # <--
}
`, { name: 'pid_mode = host' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Mode: { Type: String }
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      PidMode: !Ref Mode # <--
      ContainerDefinitions: ${containers}
` },
  ],
});
