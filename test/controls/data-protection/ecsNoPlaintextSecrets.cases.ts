import control from '../../../src/controls/data-protection/ecsNoPlaintextSecrets.js';
import { cases, tf } from '../../helpers/cases.js';
import { HARDENED_TASK, HARDENED_TASK_TF, INSECURE_TASK, INSECURE_TASK_HEREDOC_TF, INSECURE_TASK_TF, marked } from '../compute/ecsTaskTemplates.js';

// Assembled at run time so the repository holds no credential-shaped literal.
const akid = 'AKIA' + 'IOSFODNN7EXAMPLE';

export default cases(control, {
  pass: [
    marked(HARDENED_TASK, 'Environment:'),
    { name: 'connection string whose password is a deploy-time reference', template: `Parameters:
  DbPassword: { Type: String, NoEcho: true }
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: app:1
          Environment: # <--
            - Name: DATABASE_URL
              Value: !Sub postgres://app:\${DbPassword}@db.internal:5432/app
            - Name: REGION
              Value: eu-west-1
` },
    tf(marked(HARDENED_TASK_TF, 'environment = ['), { name: 'secret injected from Secrets Manager' }),
    tf(`resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([
    {
      name  = "app"
      image = "app:1"
      environment = [ # <--
        { name = "DB_HOST", value = aws_db_instance.main.address },
        { name = "STAGE", value = "prod" }
      ]
    }
  ])
}

resource "aws_db_instance" "main" {
  identifier = "main"
}
`, { name: 'environment values taken from other resources' }),
    // A sensitive variable without a value is supplied when Terraform runs, as CloudFormation's
    // NoEcho parameter is at deploy time: jsonencode keeps the rest of the definition known.
    tf(`variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([
    {
      name  = "app"
      image = "app:1"
      environment = [
        { name = "DB_PASSWORD", value = var.db_password } # <--
      ]
    }
  ])
}
`, { name: 'password from a sensitive variable without a value' }),
  ],
  fail: [
    { name: 'AWS access key id in the environment', template: `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: worker
          Image: worker:2
          Environment:
            - Name: AWS_ACCESS_KEY_ID
              Value: AKIAEXAMPLEEXAMPLE12 # <--
` },
    marked(INSECURE_TASK, 'Value: hunter2'),
    { name: 'credential-shaped value under an innocuous name', template: `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: worker
          Image: worker:2
          Environment:
            - Name: STAGE
              Value: prod
            - Name: UPLOADER
              Value: ${akid} # <--
` },
    { name: 'password inside a connection string', template: `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: app:1
          Environment:
            - Name: DATABASE_URL
              Value: postgres://app:Xy7pQ2wz@db.internal:5432/app # <--
` },
    { name: 'parameter default', template: `Parameters:
  Key: { Type: String, Default: sk_live_123 }
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: app:1
          Environment:
            - Name: STRIPE_API_KEY
              Value: !Ref Key # <--` },
    tf(marked(INSECURE_TASK_TF, 'DB_PASSWORD'), { name: 'password written in jsonencode containers' }),
    tf(INSECURE_TASK_HEREDOC_TF, { name: 'password written in heredoc containers (unmarked: see INSECURE_TASK_HEREDOC_TF)' }),
    tf(`variable "stripe_key" {
  type    = string
  default = "sk_live_123"
}

resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([
    {
      name  = "app"
      image = "app:1"
      environment = [
        { name = "STRIPE_API_KEY", value = var.stripe_key } # <--
      ]
    }
  ])
}
`, { name: 'secret from a variable default' }),
  ],
  unknown: [
    tf(`variable "containers" {
  type = any
}

resource "aws_ecs_task_definition" "app" {
  family                = "app"
  container_definitions = jsonencode(var.containers) # <--
}
`, { name: 'containers from a variable without a value' }),
  ],
  not_applicable: [
    `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      NetworkMode: awsvpc`,
  ],
});
