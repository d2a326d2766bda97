import control from '../../../src/controls/data-protection/codebuildEnvNoSecrets.js';
import { cases, tf } from '../../helpers/cases.js';
import { SOURCE, TF_SOURCE, environment, project, tfEnvironment, tfProject } from '../builders/codebuild.js';

// Assembled at run time so the repository holds no credential-shaped literal.
const npmToken = 'npm_' + 'a1B2c3D4e5'.repeat(3) + 'f6G7h8';

export default cases(control, {
  pass: [
    { name: 'credentials read from Secrets Manager and Parameter Store', template: project(SOURCE + environment(`        EnvironmentVariables: # <--
          - Name: DB_PASSWORD
            Type: SECRETS_MANAGER
            Value: prod/db:password
          - Name: API_TOKEN
            Type: PARAMETER_STORE
            Value: /build/api-token
          - Name: STAGE
            Value: prod`)) },
    tf(tfProject(TF_SOURCE + tfEnvironment(`    environment_variable { # <--
      name  = "DB_PASSWORD"
      type  = "SECRETS_MANAGER"
      value = "prod/db:password"
    }
    environment_variable {
      name  = "API_TOKEN"
      type  = "PARAMETER_STORE"
      value = "/build/api-token"
    }
    environment_variable {
      name  = "STAGE"
      value = "prod"
    }`)), { name: 'credentials read from Secrets Manager and Parameter Store' }),
  ],
  fail: [
    { name: 'AWS access key pair as PLAINTEXT (Guard registry shape)', template: project(SOURCE + environment(`        EnvironmentVariables:
          - Name: AWS_SECRET_ACCESS_KEY
            Type: PLAINTEXT
            Value: Tests # <--`)) },
    { name: 'credential-shaped value under an innocuous name', template: project(SOURCE + environment(`        EnvironmentVariables:
          - Name: REGISTRY
            Value: ${npmToken} # <--`)) },
    tf(tfProject(TF_SOURCE + tfEnvironment(`    environment_variable {
      name  = "AWS_SECRET_ACCESS_KEY"
      type  = "PLAINTEXT"
      value = "Tests" # <--
    }`)), { name: 'AWS secret key as a PLAINTEXT variable' }),
    tf(tfProject(TF_SOURCE + tfEnvironment(`    environment_variable {
      name  = "REGISTRY"
      value = "${npmToken}" # <--
    }`)), { name: 'credential-shaped value under an innocuous name' }),
  ],
  unknown: [
    { name: 'variables chosen by a condition on a parameter', template: project(SOURCE + environment(`        EnvironmentVariables: !If # <--
          - Prod
          - - Name: STAGE
              Value: prod
          - !Ref AWS::NoValue`), 'Parameters:\n  Stage: { Type: String }\nConditions:\n  Prod: !Equals [!Ref Stage, prod]\n') },
    tf(tfProject(TF_SOURCE + tfEnvironment(`    dynamic "environment_variable" { # <--
      for_each = var.build_env
      content {
        name  = environment_variable.key
        value = environment_variable.value
      }
    }`), 'variable "build_env" {\n  type = map(string)\n}\n\n'), { name: 'variables from a dynamic block over a variable without a value' }),
    tf(tfProject(TF_SOURCE + tfEnvironment(`    environment_variable {
      name  = "STAGE"
      value = "prod"
    }
    dynamic "environment_variable" {
      for_each = var.extra_env
      content {
        name  = environment_variable.key
        value = environment_variable.value
      }
    }`), 'variable "extra_env" {\n  type = map(string)\n}\n\n'), { name: 'a static variable next to a dynamic block over a variable without a value' }),
  ],
  not_applicable: [
    project(SOURCE + environment()),
    tf(tfProject(TF_SOURCE + tfEnvironment()), { name: 'no environment_variable blocks' }),
  ],
});
