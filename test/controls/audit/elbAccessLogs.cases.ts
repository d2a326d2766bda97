import control from '../../../src/controls/audit/elbAccessLogs.js';
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
    lb('        - { Key: access_logs.s3.enabled, Value: "true" } # <--'),
    { name: 'value from a parameter default', template: `Parameters:
  On: { Type: String, Default: "true" }
${lb('        - { Key: access_logs.s3.enabled, Value: !Ref On } # <--')}` },
    tf(`resource "aws_lb" "web" {
  name               = "web"
  load_balancer_type = "application"
  subnets            = ["subnet-0a1b2c3d", "subnet-0e1f2a3b"]

  access_logs {
    bucket  = "acme-lb-logs"
    prefix  = "web"
    enabled = true # <--
  }
}
`),
  ],
  fail: [
    lb('        - { Key: access_logs.s3.enabled, Value: "false" } # <--'),
    lb('        - { Key: idle_timeout.timeout_seconds, Value: "60" }', '', ' # <--'),
    tf(`resource "aws_lb" "web" { # <--
  name               = "web"
  load_balancer_type = "application"
  subnets            = ["subnet-0a1b2c3d", "subnet-0e1f2a3b"]
  idle_timeout       = 60
}
`, { name: 'no access_logs block' }),
    tf(`resource "aws_lb" "web" {
  name    = "web"
  subnets = ["subnet-0a1b2c3d", "subnet-0e1f2a3b"]

  access_logs { # <--
    bucket = "acme-lb-logs"
    prefix = "web"
  }
}
`, { name: 'a bucket without enabled: the provider leaves logging off' }),
    tf(`resource "aws_alb" "web" {
  name    = "web"
  subnets = ["subnet-0a1b2c3d", "subnet-0e1f2a3b"]

  access_logs {
    bucket  = "acme-lb-logs"
    enabled = false # <--
  }
}
`, { name: 'explicitly disabled' }),
  ],
  unknown: [
    { name: 'parameter without default', template: `Parameters:
  On: { Type: String }
${lb('        - { Key: access_logs.s3.enabled, Value: !Ref On } # <--')}` },
    tf(`variable "access_logs" {
  type = bool
}

resource "aws_lb" "web" {
  name    = "web"
  subnets = ["subnet-0a1b2c3d", "subnet-0e1f2a3b"]

  access_logs {
    bucket  = "acme-lb-logs"
    enabled = var.access_logs # <--
  }
}
`, { name: 'enabled from a variable without a value' }),
  ],
  not_applicable: [
    lb('        - { Key: deletion_protection.enabled, Value: "true" }', '\n      Type: gateway'),
    tf(`resource "aws_lb" "inspection" {
  name               = "inspection"
  load_balancer_type = "gateway"
  subnets            = ["subnet-0a1b2c3d"]
}
`),
  ],
});
