import control from '../../../src/controls/resilience/elbClassicConnectionDraining.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Lb:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Subnets: [subnet-1, subnet-2]
      ConnectionDrainingPolicy:
        Enabled: true # <--
        Timeout: 300
      Listeners: [{ LoadBalancerPort: "443", InstancePort: "443", Protocol: HTTPS, SSLCertificateId: arn:aws:acm:eu-west-1:111122223333:certificate/abc }]
`,
    tf(`resource "aws_elb" "web" {
  name                        = "web"
  subnets                     = ["subnet-1", "subnet-2"]
  connection_draining         = true # <--
  connection_draining_timeout = 300

  listener {
    lb_port           = 443
    lb_protocol       = "https"
    instance_port     = 443
    instance_protocol = "https"
  }
}
`, { name: 'connection_draining = true' }),
  ],
  fail: [
    `Resources:
  Lb: # <--
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Subnets: [subnet-1, subnet-2]
      Listeners: [{ LoadBalancerPort: "443", InstancePort: "443", Protocol: HTTPS, SSLCertificateId: arn:aws:acm:eu-west-1:111122223333:certificate/abc }]
`,
    tf(`resource "aws_elb" "web" { # <--
  name    = "web"
  subnets = ["subnet-1", "subnet-2"]

  listener {
    lb_port           = 443
    lb_protocol       = "https"
    instance_port     = 443
    instance_protocol = "https"
  }
}
`, { name: 'connection_draining not set (false)' }),
  ],
  unknown: [
    tf(`variable "drain" {
  type = bool
}

resource "aws_elb" "web" {
  name                = "web"
  subnets             = ["subnet-1", "subnet-2"]
  connection_draining = var.drain # <--

  listener {
    lb_port           = 443
    lb_protocol       = "https"
    instance_port     = 443
    instance_protocol = "https"
  }
}
`, { name: 'from a variable without a value' }),
  ],
});
