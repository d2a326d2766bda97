import control from '../../../src/controls/deployment/ecsFargateLatestPlatform.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Svc: # <--
    Type: AWS::ECS::Service
    Properties:
      Cluster: main
      TaskDefinition: app:1
      LaunchType: FARGATE
`,
    tf(`resource "aws_ecs_service" "app" {
  name             = "app"
  cluster          = "main"
  task_definition  = "app:1"
  launch_type      = "FARGATE"
  platform_version = "LATEST" # <--
}
`, { name: 'LATEST' }),
  ],
  fail: [
    `Resources:
  Svc:
    Type: AWS::ECS::Service
    Properties:
      Cluster: main
      TaskDefinition: app:1
      LaunchType: FARGATE
      PlatformVersion: 1.3.0 # <--
`,
    tf(`resource "aws_ecs_service" "app" {
  name             = "app"
  cluster          = "main"
  task_definition  = "app:1"
  launch_type      = "FARGATE"
  platform_version = "1.2.0" # <--
}
`, { name: 'pinned to 1.2.0' }),
  ],
  unknown: [
    `Resources:
  Svc:
    Type: AWS::ECS::Service
    Properties:
      Cluster: main
      TaskDefinition: app:1
      LaunchType: FARGATE
      PlatformVersion: 1.0.0 # <--
`,
    tf(`variable "platform" {
  type = string
}

resource "aws_ecs_service" "app" {
  name             = "app"
  cluster          = "main"
  task_definition  = "app:1"
  launch_type      = "FARGATE"
  platform_version = var.platform # <--
}
`, { name: 'from a variable without a value' }),
  ],
  not_applicable: [
    `Resources:
  Svc:
    Type: AWS::ECS::Service
    Properties:
      Cluster: main
      TaskDefinition: app:1
      LaunchType: EC2
`,
    tf(`resource "aws_ecs_service" "app" {
  name            = "app"
  cluster         = "main"
  task_definition = "app:1"
  launch_type     = "EC2"
}
`, { name: 'EC2 launch type' }),
  ],
});
