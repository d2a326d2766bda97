import control from '../../../src/controls/network/elbDropInvalidHeaders.js';
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
    lb('        - { Key: routing.http.drop_invalid_header_fields.enabled, Value: "true" } # <--'),
    { name: 'value from a parameter default', template: `Parameters:
  On: { Type: String, Default: "true" }
${lb('        - { Key: routing.http.drop_invalid_header_fields.enabled, Value: !Ref On } # <--')}` },
    tf(`resource "aws_lb" "web" {
  name                       = "web"
  load_balancer_type         = "application"
  subnets                    = ["subnet-0a1b2c3d", "subnet-0e1f2a3b"]
  drop_invalid_header_fields = true # <--
}
`),
  ],
  fail: [
    lb('        - { Key: routing.http.drop_invalid_header_fields.enabled, Value: "false" } # <--'),
    lb('        - { Key: idle_timeout.timeout_seconds, Value: "60" }', '', ' # <--'),
    tf(`resource "aws_lb" "web" { # <--
  name    = "web"
  subnets = ["subnet-0a1b2c3d", "subnet-0e1f2a3b"]

  access_logs {
    bucket  = "acme-lb-logs"
    enabled = true
  }
}
`, { name: 'not set: headers are forwarded by default' }),
    tf(`resource "aws_alb" "web" {
  name                       = "web"
  subnets                    = ["subnet-0a1b2c3d", "subnet-0e1f2a3b"]
  drop_invalid_header_fields = false # <--
}
`),
  ],
  unknown: [
    { name: 'parameter without default', template: `Parameters:
  On: { Type: String }
${lb('        - { Key: routing.http.drop_invalid_header_fields.enabled, Value: !Ref On } # <--')}` },
    tf(`variable "lb_type" {
  type = string
}

resource "aws_lb" "edge" {
  name               = "edge"
  load_balancer_type = var.lb_type # <--
  subnets            = ["subnet-0a1b2c3d", "subnet-0e1f2a3b"]
}
`, { name: 'load balancer type from a variable without a value' }),
  ],
  not_applicable: [
    lb('        - { Key: deletion_protection.enabled, Value: "true" }', '\n      Type: network'),
    tf(`resource "aws_lb" "nlb" {
  name               = "nlb"
  load_balancer_type = "network"
  subnets            = ["subnet-0a1b2c3d"]
}
`),
  ],
});
