// Task definitions shared by the ECS control tables: one that meets every ECS control,
// one that breaks every one of them (privileged, root, writable root, host network,
// plaintext secret, no logging, no task role).
export const HARDENED_TASK = `Resources:
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
              Value: prod`;

export const INSECURE_TASK = `Resources:
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
          Image: proxy:1`;
