import control from '../../../src/controls/network/ecsNoPublicIp.js';
import { cases } from '../../helpers/cases.js';

const svc = (assign: string) => `Resources:
  S:
    Type: AWS::ECS::Service
    Properties:
      Cluster: c
      TaskDefinition: td
      LaunchType: FARGATE
      NetworkConfiguration:
        AwsvpcConfiguration:
          Subnets: [subnet-1]
${assign}`;

export default cases(control, {
  pass: [svc('          AssignPublicIp: DISABLED'), svc('')],
  fail: [svc('          AssignPublicIp: ENABLED')],
  unknown: [{ name: 'parameter without default', template: `Parameters:
  Pub: { Type: String, AllowedValues: [ENABLED, DISABLED] }
${svc('          AssignPublicIp: !Ref Pub')}` }],
  not_applicable: [
    `Resources:
  S:
    Type: AWS::ECS::Service
    Properties: { Cluster: c, TaskDefinition: td, LaunchType: EC2 }`,
  ],
});
