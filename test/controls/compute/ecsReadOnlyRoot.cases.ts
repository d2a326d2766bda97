import control from '../../../src/controls/compute/ecsReadOnlyRoot.js';
import { cases } from '../../helpers/cases.js';
import { HARDENED_TASK, INSECURE_TASK } from './ecsTaskTemplates.js';

export default cases(control, {
  pass: [
    HARDENED_TASK,
  ],
  fail: [
    INSECURE_TASK,
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
