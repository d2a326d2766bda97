import control from '../../../src/controls/data-protection/ecrRepositoryPolicyNotPublic.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    { name: 'no policy', template: `Resources:
  R: # <--
    Type: AWS::ECR::Repository
` },
    `Resources:
  R:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryPolicyText: # <--
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: { AWS: arn:aws:iam::444455556666:root }
            Action: [ecr:BatchGetImage, ecr:GetDownloadUrlForLayer]
`,
    tf(`resource "aws_ecr_repository" "app" {
  name = "app"
}

resource "aws_ecr_repository_policy" "app" {
  repository = aws_ecr_repository.app.name
  policy = jsonencode({ # <--
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abc123def4" } }
    }]
  })
}
`, { name: 'Principal "*" pinned to the organisation' }),
  ],
  fail: [
    `Resources:
  R:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryPolicyText:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow # <--
            Principal: '*'
            Action: [ecr:BatchGetImage, ecr:GetDownloadUrlForLayer]
`,
    { name: 'policy as JSON text', template: `Resources:
  R:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryPolicyText: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"ecr:*"}]}' # <--
` },
    tf(`resource "aws_ecr_repository" "app" {
  name = "app"
}

resource "aws_ecr_repository_policy" "app" {
  repository = aws_ecr_repository.app.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ # <--
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = ["ecr:BatchGetImage", "ecr:PutImage"]
    }]
  })
}
`, { name: 'Principal AWS "*"' }),
  ],
  unknown: [
    { name: 'policy from a parameter', template: `Parameters:
  Policy: { Type: String }
Resources:
  R:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryPolicyText: !Ref Policy # <--
` },
  ],
});
