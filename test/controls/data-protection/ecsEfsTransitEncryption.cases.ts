import control from '../../../src/controls/data-protection/ecsEfsTransitEncryption.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions: [{ Name: app, Image: "nginx:1.27" }]
      Volumes:
        - Name: shared
          EFSVolumeConfiguration:
            FilesystemId: fs-1
            TransitEncryption: ENABLED # <--
`,
    tf(`resource "aws_ecs_task_definition" "app" {
  family                = "app"
  container_definitions = jsonencode([{ name = "app", image = "nginx:1.27" }])

  volume {
    name = "shared"

    efs_volume_configuration {
      file_system_id     = "fs-1"
      transit_encryption = "ENABLED" # <--
    }
  }
}
`, { name: 'transit_encryption ENABLED' }),
  ],
  fail: [
    `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions: [{ Name: app, Image: "nginx:1.27" }]
      Volumes:
        - Name: shared
          EFSVolumeConfiguration: # <--
            FilesystemId: fs-1
`,
    tf(`resource "aws_ecs_task_definition" "app" {
  family                = "app"
  container_definitions = jsonencode([{ name = "app", image = "nginx:1.27" }])

  volume {
    name = "shared"

    efs_volume_configuration {
      file_system_id     = "fs-1"
      transit_encryption = "DISABLED" # <--
    }
  }
}
`, { name: 'transit_encryption DISABLED' }),
  ],
  unknown: [
    tf(`variable "tls" {
  type = string
}

resource "aws_ecs_task_definition" "app" {
  family                = "app"
  container_definitions = jsonencode([{ name = "app", image = "nginx:1.27" }])

  volume {
    name = "shared"

    efs_volume_configuration {
      file_system_id     = "fs-1"
      transit_encryption = var.tls # <--
    }
  }
}
`, { name: 'from a variable without a value' }),
  ],
  not_applicable: [
    `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions: [{ Name: app, Image: "nginx:1.27" }]
`,
  ],
});
