import control from '../../../src/controls/network/ecsNoPublicIp.js';
import { cases, tf } from '../../helpers/cases.js';

const svc = (assign: string, markConfig = '') => `Resources:
  S:
    Type: AWS::ECS::Service
    Properties:
      Cluster: c
      TaskDefinition: td
      LaunchType: FARGATE
      NetworkConfiguration:
        AwsvpcConfiguration:${markConfig}
          Subnets: [subnet-1]
${assign}`;

const tfSvc = (assign: string, mark = '') => `resource "aws_ecs_service" "api" {
  name            = "api"
  cluster         = "arn:aws:ecs:eu-west-1:111122223333:cluster/main"
  task_definition = "api:3"
  desired_count   = 2
  launch_type     = "FARGATE"

  network_configuration {${mark}
    subnets         = ["subnet-0a1b2c3d"]
    security_groups = ["sg-0123456789abcdef0"]
${assign}  }
}
`;

export default cases(control, {
  pass: [
    svc('          AssignPublicIp: DISABLED # <--\n'),
    svc('', ' # <--'),
    tf(tfSvc('    assign_public_ip = false # <--\n')),
    tf(tfSvc('', ' # <--'), { name: 'not set: no public address' }),
  ],
  fail: [
    svc('          AssignPublicIp: ENABLED # <--\n'),
    tf(tfSvc('    assign_public_ip = true # <--\n')),
  ],
  unknown: [
    { name: 'parameter without default', template: `Parameters:
  Pub: { Type: String, AllowedValues: [ENABLED, DISABLED] }
${svc('          AssignPublicIp: !Ref Pub # <--\n')}` },
    tf(`variable "public_ip" {
  type = bool
}

${tfSvc('    assign_public_ip = var.public_ip # <--\n')}`, { name: 'from a variable without a value' }),
  ],
  not_applicable: [
    `Resources:
  S:
    Type: AWS::ECS::Service
    Properties: { Cluster: c, TaskDefinition: td, LaunchType: EC2 }`,
    tf(`resource "aws_ecs_service" "worker" {
  name            = "worker"
  cluster         = "arn:aws:ecs:eu-west-1:111122223333:cluster/main"
  task_definition = "worker:7"
  launch_type     = "EC2"
}
`),
  ],
});
