import control from '../../../src/controls/compute/ecsNoPlaintextSecrets.js';
import { cases } from '../../helpers/cases.js';
import { HARDENED_TASK, INSECURE_TASK } from './ecsTaskTemplates.js';

export default cases(control, {
  pass: [
    HARDENED_TASK,
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
              Value: AKIAEXAMPLEEXAMPLE12
` },
    INSECURE_TASK,
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
              Value: !Ref Key` },
  ],
  not_applicable: [
    `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      NetworkMode: awsvpc`,
  ],
});
