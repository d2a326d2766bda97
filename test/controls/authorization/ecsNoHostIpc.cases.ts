import control from '../../../src/controls/authorization/ecsNoHostIpc.js';
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
  ipc_mode = "none" # <--
}
`, { name: 'ipc_mode = none' }),
  ],
  fail: [
    `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      IpcMode: host # <--
      ContainerDefinitions: ${containers}
`,
    tf(`resource "aws_ecs_task_definition" "app" {
  family                = "app"
  container_definitions = jsonencode([{ name = "app", image = "nginx:1.27", essential = true }])
  ipc_mode = "host" # <--
}
`, { name: 'ipc_mode = host' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Mode: { Type: String }
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      IpcMode: !Ref Mode # <--
      ContainerDefinitions: ${containers}
` },
  ],
});
