import control from '../../../src/controls/resilience/elbDeletionProtection.js';
import { cases, tf } from '../../helpers/cases.js';

const lb = (attrs: string, extra = '', attrsLine = '') => `Resources:
  Lb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Subnets: [subnet-1, subnet-2]${extra}
      LoadBalancerAttributes:${attrsLine}
${attrs}
`;

export default cases(control, {
  pass: [
    lb('        - { Key: deletion_protection.enabled, Value: "true" } # <--'),
    { name: 'value from a parameter default', template: `Parameters:
  On: { Type: String, Default: "true" }
${lb('        - { Key: deletion_protection.enabled, Value: !Ref On } # <--')}` },
    tf(`resource "aws_lb" "web" {
  name                       = "web"
  load_balancer_type         = "application"
  subnets                    = ["subnet-0a1b2c3d", "subnet-0e1f2a3b"]
  enable_deletion_protection = true # <--
}
`),
    tf(`resource "aws_lb" "nlb" {
  name                       = "nlb"
  load_balancer_type         = "network"
  internal                   = true
  subnets                    = ["subnet-0a1b2c3d"]
  enable_deletion_protection = true # <--
}
`, { name: 'network load balancer' }),
  ],
  fail: [
    lb('        - { Key: deletion_protection.enabled, Value: "false" } # <--'),
    lb('        - { Key: idle_timeout.timeout_seconds, Value: "60" }', '', ' # <--'),
    tf(`resource "aws_lb" "web" { # <--
  name               = "web"
  load_balancer_type = "application"
  subnets            = ["subnet-0a1b2c3d", "subnet-0e1f2a3b"]
  idle_timeout       = 60
}
`, { name: 'not set: off by default' }),
    tf(`resource "aws_alb" "web" {
  name                       = "web"
  subnets                    = ["subnet-0a1b2c3d", "subnet-0e1f2a3b"]
  enable_deletion_protection = false # <--
}
`),
  ],
  unknown: [
    { name: 'parameter without default', template: `Parameters:
  On: { Type: String }
${lb('        - { Key: deletion_protection.enabled, Value: !Ref On } # <--')}` },
    tf(`variable "protect" {
  type = bool
}

resource "aws_lb" "web" {
  name                       = "web"
  subnets                    = ["subnet-0a1b2c3d", "subnet-0e1f2a3b"]
  enable_deletion_protection = var.protect # <--
}
`, { name: 'from a variable without a value' }),
  ],
});
