import control from '../../../src/controls/network/elbClassicListenersEncrypted.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Elb:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Listeners:
        - { LoadBalancerPort: "443", InstancePort: "80", Protocol: HTTPS, SSLCertificateId: cert } # <--
        - { LoadBalancerPort: "8443", InstancePort: "8443", Protocol: SSL, SSLCertificateId: cert } # <--
`,
    tf(`resource "aws_elb" "web" {
  name               = "web"
  availability_zones = ["eu-west-1a", "eu-west-1b"]

  listener {
    lb_port            = 443
    lb_protocol        = "https" # <--
    instance_port      = 8080
    instance_protocol  = "http"
    ssl_certificate_id = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
  }

  listener {
    lb_port            = 8443
    lb_protocol        = "ssl" # <--
    instance_port      = 8443
    instance_protocol  = "ssl"
    ssl_certificate_id = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
  }
}
`),
  ],
  fail: [
    `Resources:
  Elb:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Listeners:
        - { LoadBalancerPort: "443", InstancePort: "80", Protocol: HTTPS, SSLCertificateId: cert }
        - { LoadBalancerPort: "80", InstancePort: "80", Protocol: HTTP } # <--
`,
    tf(`resource "aws_elb" "web" {
  name               = "web"
  availability_zones = ["eu-west-1a", "eu-west-1b"]

  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 8080
    instance_protocol  = "http"
    ssl_certificate_id = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
  }

  listener {
    lb_port           = 80
    lb_protocol       = "http" # <--
    instance_port     = 8080
    instance_protocol = "http"
  }
}
`, { name: 'an HTTP listener beside an HTTPS one' }),
    tf(`resource "aws_elb" "mq" {
  name     = "mq"
  subnets  = ["subnet-0a1b2c3d"]
  internal = true

  listener {
    lb_port           = 5672
    lb_protocol       = "tcp" # <--
    instance_port     = 5672
    instance_protocol = "tcp"
  }
}
`, { name: 'plain TCP listener' }),
  ],
  unknown: [
    { name: 'protocol parameter without default', template: `Parameters:
  P: { Type: String }
Resources:
  Elb:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Listeners:
        - { LoadBalancerPort: "443", InstancePort: "80", Protocol: !Ref P } # <--
` },
    tf(`variable "listeners" {
  type = list(object({ port = number, protocol = string }))
}

resource "aws_elb" "web" {
  name               = "web"
  availability_zones = ["eu-west-1a"]

  dynamic "listener" { # <--
    for_each = var.listeners
    content {
      lb_port           = listener.value.port
      lb_protocol       = listener.value.protocol
      instance_port     = listener.value.port
      instance_protocol = listener.value.protocol
    }
  }
}
`, { name: 'listeners from a variable without a value' }),
  ],
});
