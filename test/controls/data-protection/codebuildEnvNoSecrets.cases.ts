import control from '../../../src/controls/data-protection/codebuildEnvNoSecrets.js';
import { cases } from '../../helpers/cases.js';
import { SOURCE, environment, project } from '../builders/codebuild.js';

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
  ],
  fail: [
    { name: 'AWS access key pair as PLAINTEXT (Guard registry shape)', template: project(SOURCE + environment(`        EnvironmentVariables:
          - Name: AWS_SECRET_ACCESS_KEY
            Type: PLAINTEXT
            Value: Tests # <--`)) },
    { name: 'credential-shaped value under an innocuous name', template: project(SOURCE + environment(`        EnvironmentVariables:
          - Name: REGISTRY
            Value: ${npmToken} # <--`)) },
  ],
  unknown: [
    { name: 'variables chosen by a condition on a parameter', template: project(SOURCE + environment(`        EnvironmentVariables: !If # <--
          - Prod
          - - Name: STAGE
              Value: prod
          - !Ref AWS::NoValue`), 'Parameters:\n  Stage: { Type: String }\nConditions:\n  Prod: !Equals [!Ref Stage, prod]\n') },
  ],
  not_applicable: [
    project(SOURCE + environment()),
  ],
});
