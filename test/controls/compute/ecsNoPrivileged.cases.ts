import control from '../../../src/controls/compute/ecsNoPrivileged.js';
import { cases } from '../../helpers/cases.js';
import { HARDENED_TASK, INSECURE_TASK } from './ecsTaskTemplates.js';

export default cases(control, {
  pass: [
    HARDENED_TASK,
  ],
  fail: [
    INSECURE_TASK,
  ],
  unknown: [
    `Parameters:
  Priv: { Type: String }
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: app:1
          Privileged: !Ref Priv`,
  ],
  not_applicable: [
    `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      NetworkMode: awsvpc`,
  ],
});
