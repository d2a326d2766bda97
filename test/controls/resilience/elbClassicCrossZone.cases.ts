import control from '../../../src/controls/resilience/elbClassicCrossZone.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Lb:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Subnets: [subnet-1, subnet-2]
      CrossZone: true # <--
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
`, { name: 'cross_zone_load_balancing not set (the provider enables it)' }),
  ],
  fail: [
    `Resources:
  Lb: # <--
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Subnets: [subnet-1, subnet-2]
      Listeners: [{ LoadBalancerPort: "443", InstancePort: "443", Protocol: HTTPS, SSLCertificateId: arn:aws:acm:eu-west-1:111122223333:certificate/abc }]
`,
    tf(`resource "aws_elb" "web" {
  name                      = "web"
  subnets                   = ["subnet-1", "subnet-2"]
  cross_zone_load_balancing = false # <--

  listener {
    lb_port           = 443
    lb_protocol       = "https"
    instance_port     = 443
    instance_protocol = "https"
  }
}
`, { name: 'cross_zone_load_balancing = false' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Cz: { Type: String }
Resources:
  Lb:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Subnets: [subnet-1, subnet-2]
      CrossZone: !Ref Cz # <--
      Listeners: [{ LoadBalancerPort: "443", InstancePort: "443", Protocol: HTTPS, SSLCertificateId: arn:aws:acm:eu-west-1:111122223333:certificate/abc }]
` },
  ],
});
