import control from '../../../src/controls/compute/ecsNoHostNetwork.js';
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
  Mode: { Type: String }
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      NetworkMode: !Ref Mode`,
  ],
});
