import control from '../../../src/controls/data-protection/ecsExecLogsEncrypted.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Cluster:
    Type: AWS::ECS::Cluster
    Properties:
      Configuration:
        ExecuteCommandConfiguration:
          Logging: OVERRIDE
          LogConfiguration:
            CloudWatchLogGroupName: /ecs/exec
            CloudWatchEncryptionEnabled: true # <--
`,
    tf(`resource "aws_ecs_cluster" "main" {
  name = "main"

  configuration {
    execute_command_configuration {
      kms_key_id = "arn:aws:kms:eu-west-1:111122223333:key/abc"
      logging    = "OVERRIDE"

      log_configuration {
        s3_bucket_name               = "exec-logs"
        s3_bucket_encryption_enabled = true # <--
      }
    }
  }
}
`, { name: 'S3 destination encrypted' }),
  ],
  fail: [
    `Resources:
  Cluster:
    Type: AWS::ECS::Cluster
    Properties:
      Configuration:
        ExecuteCommandConfiguration:
          Logging: OVERRIDE
          LogConfiguration:
            CloudWatchLogGroupName: /ecs/exec # <--
`,
    tf(`resource "aws_ecs_cluster" "main" {
  name = "main"

  configuration {
    execute_command_configuration {
      logging = "OVERRIDE"

      log_configuration {
        cloud_watch_log_group_name     = "/ecs/exec"
        cloud_watch_encryption_enabled = false # <--
      }
    }
  }
}
`, { name: 'CloudWatch destination not encrypted' }),
  ],
  unknown: [
    tf(`variable "encrypt" {
  type = bool
}

resource "aws_ecs_cluster" "main" {
  name = "main"

  configuration {
    execute_command_configuration {
      logging = "OVERRIDE"

      log_configuration {
        cloud_watch_log_group_name     = "/ecs/exec"
        cloud_watch_encryption_enabled = var.encrypt # <--
      }
    }
  }
}
`, { name: 'from a variable without a value' }),
  ],
  not_applicable: [
    `Resources:
  Cluster:
    Type: AWS::ECS::Cluster
    Properties:
      ClusterName: main
`,
  ],
});
