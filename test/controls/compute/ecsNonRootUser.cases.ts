import control from '../../../src/controls/compute/ecsNonRootUser.js';
import { cases } from '../../helpers/cases.js';
import { HARDENED_TASK, INSECURE_TASK } from './ecsTaskTemplates.js';

export default cases(control, {
  pass: [
    HARDENED_TASK,
  ],
  fail: [
    INSECURE_TASK,
    { name: 'UID 0 with group', template: `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: app:1
          User: "0:0"` },
  ],
});
