import control from '../../../src/controls/compute/ecsNoPlaintextSecrets.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
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
              Value: prod`,
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
    `Resources:
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
          Image: proxy:1`,
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
