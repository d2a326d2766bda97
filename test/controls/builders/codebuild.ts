// A CodeBuild project for the CodeBuild case tables: the required properties, plus the
// lines a case is about (written at the indentation of Properties' keys, 6 spaces).
export function project(extra: string, before = ''): string {
  return `${before}Resources:
  Build:
    Type: AWS::CodeBuild::Project
    Properties:
      Name: app-build
      ServiceRole: arn:aws:iam::111122223333:role/codebuild
${extra.replace(/^\n/, '').replace(/\n?$/, '\n')}`;
}

/** Environment block with the usual image settings; `more` is written at its keys' indentation (8 spaces). */
export function environment(more = ''): string {
  return `      Environment:
        Type: LINUX_CONTAINER
        ComputeType: BUILD_GENERAL1_SMALL
        Image: aws/codebuild/standard:7.0
${more.replace(/^\n/, '').replace(/\n?$/, '\n')}`;
}

export const SOURCE = `      Source:
        Type: CODEPIPELINE
      Artifacts:
        Type: CODEPIPELINE
`;

/**
 * The same project in Terraform: `body` is written inside the resource block at its
 * arguments' indentation (2 spaces); `before` above it (variables, keys).
 */
export function tfProject(body: string, before = ''): string {
  return `${before}resource "aws_codebuild_project" "build" {
  name         = "app-build"
  service_role = "arn:aws:iam::111122223333:role/codebuild"

${body.replace(/^\n/, '').replace(/\n?$/, '\n')}}
`;
}

/** Terraform environment block with the usual image settings; `more` is written at its arguments' indentation (4 spaces). */
export function tfEnvironment(more = ''): string {
  return `  environment {
    type         = "LINUX_CONTAINER"
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/standard:7.0"
${more ? more.replace(/^\n/, '').replace(/\n?$/, '\n') : ''}  }
`;
}

export const TF_SOURCE = `  source {
    type = "CODEPIPELINE"
  }

  artifacts {
    type = "CODEPIPELINE"
  }

`;
