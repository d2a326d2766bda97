// Task definitions shared by the ECS control tables: one that meets every ECS control,
// one that breaks every one of them (privileged, root, writable root, host network,
// plaintext secret, no logging, no task role), in CloudFormation and in Terraform. Each
// control decides on a different line of them, so a table marks its own with `marked`.

/**
 * The template with `# <--` (the line a finding must point at) on the first line that
 * contains `needle`; a needle found nowhere is a mistake in the table, not a silent pass.
 */
export function marked(template: string, needle: string): string {
  const lines = template.split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`no line contains ${JSON.stringify(needle)}`);
  lines[i] += ' # <--';
  return lines.join('\n');
}

export const HARDENED_TASK = `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      NetworkMode: awsvpc
      TaskRoleArn: arn:aws:iam::111122223333:role/task
      ContainerDefinitions:
        - Name: app
          Image: app:1
          User: "1000"
          ReadonlyRootFilesystem: true
          LogConfiguration:
            LogDriver: awslogs
          Secrets:
            - Name: DB_PASSWORD
              ValueFrom: arn:aws:secretsmanager:eu-west-1:111122223333:secret:db
          Environment:
            - Name: STAGE
              Value: prod`;

export const INSECURE_TASK = `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      NetworkMode: host
      ContainerDefinitions:
        - Name: app
          Image: app:1
          Privileged: true
          User: root
          ReadonlyRootFilesystem: false
          Environment:
            - Name: DB_PASSWORD
              Value: hunter2
        - Name: sidecar
          Image: proxy:1`;

/**
 * The hardened task as a Terraform user writes it: container definitions through
 * `jsonencode` (ECS's camelCase keys), the secret injected from Secrets Manager. The
 * container settings are one JSON string, so findings on them point at its argument.
 */
export const HARDENED_TASK_TF = `resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 256
  memory                   = 512
  task_role_arn            = aws_iam_role.task.arn
  execution_role_arn       = aws_iam_role.execution.arn

  container_definitions = jsonencode([
    {
      name                   = "app"
      image                  = "app:1"
      essential              = true
      user                   = "1000"
      readonlyRootFilesystem = true
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/app"
          awslogs-region        = "eu-west-1"
          awslogs-stream-prefix = "app"
        }
      }
      secrets = [
        { name = "DB_PASSWORD", valueFrom = aws_secretsmanager_secret.db.arn }
      ]
      environment = [
        { name = "STAGE", value = "prod" }
      ]
    }
  ])
}

resource "aws_secretsmanager_secret" "db" {
  name = "app/db"
}

resource "aws_iam_role" "task" {
  name               = "app-task"
  assume_role_policy = "{}"
}

resource "aws_iam_role" "execution" {
  name               = "app-execution"
  assume_role_policy = "{}"
}
`;

/** The insecure task in Terraform: a host-network task whose app container breaks every rule. */
export const INSECURE_TASK_TF = `resource "aws_ecs_task_definition" "legacy" {
  family       = "legacy"
  network_mode = "host"

  container_definitions = jsonencode([
    {
      name                   = "app"
      image                  = "app:1"
      privileged             = true
      user                   = "root"
      readonlyRootFilesystem = false
      environment = [
        { name = "DB_PASSWORD", value = "hunter2" }
      ]
    },
    {
      name  = "sidecar"
      image = "proxy:1"
    }
  ])
}
`;

/**
 * The insecure containers in a heredoc, as older configurations write them. HCL allows
 * nothing after a heredoc's opening marker, so the line a finding points at (the
 * argument's) cannot carry a `# <--` mark: cases using this are checked for their status only.
 */
export const INSECURE_TASK_HEREDOC_TF = `resource "aws_ecs_task_definition" "legacy" {
  family = "legacy"

  container_definitions = <<EOF
[
  {
    "name": "app",
    "image": "app:1",
    "privileged": true,
    "user": "root",
    "readonlyRootFilesystem": false,
    "environment": [
      { "name": "DB_PASSWORD", "value": "hunter2" }
    ]
  },
  {
    "name": "sidecar",
    "image": "proxy:1"
  }
]
EOF
}
`;
