import control from '../../../src/controls/compute/ecsReadOnlyRoot.js';
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
    { name: 'second container lacks the flag', template: `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: app:1
          ReadonlyRootFilesystem: true
        - Name: sidecar
          Image: proxy:1` },
  ],
  unknown: [
    { name: 'condition picks read-only', template: `Parameters:
  Env: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: app:1
          ReadonlyRootFilesystem: !If [IsProd, true, false]` },
  ],
});
