# The application's least-privilege role (../platform/role.yaml). The memory policy is
# included only when a memory ARN is given.

resource "aws_iam_role" "app" {
  name                 = "platform-${var.environment}-app"
  max_session_duration = 3600
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = { ArnLike = { "aws:SourceArn" = "arn:${local.partition}:ecs:${local.region}:${local.account_id}:*" } }
    }]
  })

  inline_policy {
    name = "bedrock"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Allow"
        Action   = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
        Resource = "arn:${local.partition}:bedrock:${local.region}::foundation-model/*"
      }]
    })
  }

  inline_policy {
    name = "secrets"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue"]
        Resource = "arn:${local.partition}:secretsmanager:${local.region}:${local.account_id}:secret:platform/${var.environment}/*"
      }]
    })
  }

  inline_policy {
    name = "observability"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        # CloudWatch metric APIs do not support resource-level permissions
        Effect   = "Allow"
        Action   = ["cloudwatch:PutMetricData", "xray:PutTraceSegments"]
        Resource = "*"
      }]
    })
  }

  dynamic "inline_policy" {
    for_each = var.memory_arn == "" ? [] : [var.memory_arn]
    content {
      name = "memory"
      policy = jsonencode({
        Version = "2012-10-17"
        Statement = [{
          Effect   = "Allow"
          Action   = ["bedrock-agentcore:GetMemory", "bedrock-agentcore:CreateEvent"]
          Resource = inline_policy.value
        }]
      })
    }
  }
}

# A deployment role written in a hurry: wildcard admin and PassRole (deliberate gaps)
# attest:suppress AT-IAM-001 until 2027-06-30: Break-glass deployment role, reviewed quarterly (ticket SEC-142)
resource "aws_iam_role" "deploy" {
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::444455556666:root" }
      Action    = "sts:AssumeRole"
    }]
  })

  inline_policy {
    name = "deploy"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [
        {
          Effect   = "Allow"
          Action   = ["cloudformation:*", "iam:PassRole"]
          Resource = "*"
        },
        {
          Effect   = "Allow"
          Action   = "*"
          Resource = "*"
        },
      ]
    })
  }
}

output "app_role_arn" {
  value = aws_iam_role.app.arn
}
