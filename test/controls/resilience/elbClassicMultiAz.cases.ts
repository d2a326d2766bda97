import control from '../../../src/controls/resilience/elbClassicMultiAz.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Lb:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      AvailabilityZones: [eu-west-1a, eu-west-1b] # <--
      Listeners: [{ LoadBalancerPort: "80", InstancePort: "80", Protocol: HTTP }]
`,
    tf(`resource "aws_subnet" "a" {
  vpc_id            = "vpc-1"
  cidr_block        = "10.0.1.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_subnet" "b" {
  vpc_id            = "vpc-1"
  cidr_block        = "10.0.2.0/24"
  availability_zone = "eu-west-1b"
}

resource "aws_elb" "web" {
  name    = "web"
  subnets = [aws_subnet.a.id, aws_subnet.b.id] # <--

  listener {
    lb_port           = 80
    lb_protocol       = "http"
    instance_port     = 80
    instance_protocol = "http"
  }
}
`, { name: 'subnets in two zones' }),
  ],
  fail: [
    `Resources:
  Lb:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Subnets: [subnet-1] # <--
      Listeners: [{ LoadBalancerPort: "80", InstancePort: "80", Protocol: HTTP }]
`,
    tf(`resource "aws_elb" "web" {
  name               = "web"
  availability_zones = ["eu-west-1a"] # <--

  listener {
    lb_port           = 80
    lb_protocol       = "http"
    instance_port     = 80
    instance_protocol = "http"
  }
}
`, { name: 'one zone' }),
  ],
  unknown: [
    tf(`resource "aws_elb" "web" {
  name    = "web"
  subnets = ["subnet-1", "subnet-2"] # <--

  listener {
    lb_port           = 80
    lb_protocol       = "http"
    instance_port     = 80
    instance_protocol = "http"
  }
}
`, { name: 'subnets not declared' }),
  ],
});
