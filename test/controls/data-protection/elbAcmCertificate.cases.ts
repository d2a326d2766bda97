import control from '../../../src/controls/data-protection/elbAcmCertificate.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Https:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/abc
      Port: 443
      Protocol: HTTPS
      Certificates:
        - CertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/abc # <--
      DefaultActions: [{ Type: forward, TargetGroupArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/abc }]
`,
    `Resources:
  Lb:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Subnets: [subnet-1, subnet-2]
      Listeners:
        - LoadBalancerPort: "443"
          InstancePort: "443"
          Protocol: HTTPS
          SSLCertificateId: arn:aws:acm:eu-west-1:111122223333:certificate/abc # <--
`,
    tf(`resource "aws_acm_certificate" "www" {
  domain_name       = "www.example.com"
  validation_method = "DNS"
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/abc"
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = aws_acm_certificate.www.arn # <--

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/abc"
  }
}
`, { name: 'ACM certificate resource' }),
  ],
  fail: [
    `Resources:
  Https:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/abc
      Port: 443
      Protocol: HTTPS
      Certificates:
        - CertificateArn: arn:aws:iam::111122223333:server-certificate/web # <--
      DefaultActions: [{ Type: forward, TargetGroupArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/abc }]
`,
    tf(`resource "aws_elb" "web" {
  name    = "web"
  subnets = ["subnet-1", "subnet-2"]

  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 443
    instance_protocol  = "https"
    ssl_certificate_id = "arn:aws:iam::111122223333:server-certificate/web" # <--
  }
}
`, { name: 'IAM server certificate on a classic load balancer' }),
  ],
  unknown: [
    tf(`variable "cert" {
  type = string
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/abc"
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = var.cert # <--

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/abc"
  }
}
`, { name: 'certificate from a variable without a value' }),
  ],
  not_applicable: [
    tf(`resource "aws_lb_listener" "http" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/abc"
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}
`, { name: 'plain HTTP listener' }),
  ],
});
