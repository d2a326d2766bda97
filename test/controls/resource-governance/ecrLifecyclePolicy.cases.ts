import control from '../../../src/controls/resource-governance/ecrLifecyclePolicy.js';
import { cases, tf } from '../../helpers/cases.js';

const POLICY = '{"rules":[{"rulePriority":1,"selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":14},"action":{"type":"expire"}}]}';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::ECR::Repository
    Properties:
      LifecyclePolicy:
        LifecyclePolicyText: '${POLICY}' # <--
`,
    tf(`resource "aws_ecr_repository" "app" {
  name = "app"
}

resource "aws_ecr_lifecycle_policy" "app" {
  repository = aws_ecr_repository.app.name
  policy     = jsonencode({ rules = [{ rulePriority = 1, selection = { tagStatus = "untagged", countType = "sinceImagePushed", countUnit = "days", countNumber = 14 }, action = { type = "expire" } }] }) # <--
}
`, { name: 'aws_ecr_lifecycle_policy' }),
  ],
  fail: [
    `Resources:
  R: # <--
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: app
`,
    tf(`resource "aws_ecr_repository" "app" { # <--
  name = "app"
}
`, { name: 'no lifecycle policy' }),
  ],
  unknown: [
    { name: 'policy text from a parameter', template: `Parameters:
  Policy: { Type: String }
Resources:
  R:
    Type: AWS::ECR::Repository
    Properties:
      LifecyclePolicy:
        LifecyclePolicyText: !Ref Policy # <--
` },
    tf(`variable "policy" {
  type = string
}

resource "aws_ecr_repository" "app" {
  name = "app"
}

resource "aws_ecr_lifecycle_policy" "app" {
  repository = aws_ecr_repository.app.name
  policy     = var.policy # <--
}
`, { name: 'policy from a variable' }),
  ],
});
