import control from '../../../src/controls/network/elbListenerEncrypted.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Lb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Subnets: [subnet-1, subnet-2]
  L:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Lb
      Port: 443
      Protocol: HTTPS # <--
      SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
      Certificates: [{ CertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/abc }]
      DefaultActions: [{ Type: forward, TargetGroupArn: tg }]
`,
    { name: 'HTTP listener that redirects', template: `Resources:
  L:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: lb
      Port: 80
      Protocol: HTTP
      DefaultActions: # <--
        - Type: redirect
          RedirectConfig: { Protocol: HTTPS, Port: "443", StatusCode: HTTP_301 }
` },
    tf(`resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.web.arn
  port              = 443
  protocol          = "HTTPS" # <--
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}

resource "aws_lb" "web" {
  name    = "web"
  subnets = ["subnet-0a1b2c3d", "subnet-0e1f2a3b"]
}

resource "aws_lb_target_group" "app" {
  name     = "app"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = "vpc-0a1b2c3d"
}
`),
    tf(`resource "aws_lb_listener" "http" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/0123456789abcdef"
  port              = 80
  protocol          = "HTTP"

  default_action { # <--
    type = "redirect"

    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}
`, { name: 'HTTP listener that redirects to HTTPS' }),
    tf(`resource "aws_lb_listener" "tls" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/nlb/0123456789abcdef"
  port              = 443
  protocol          = "TLS" # <--
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/app/0123456789abcdef"
  }
}
`, { name: 'network load balancer TLS listener' }),
  ],
  fail: [
    `Resources:
  L:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: lb
      Port: 80
      Protocol: HTTP # <--
      DefaultActions: [{ Type: forward, TargetGroupArn: tg }]
`,
    tf(`resource "aws_lb_listener" "http" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/0123456789abcdef"
  port              = 80
  protocol          = "HTTP" # <--

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/app/0123456789abcdef"
  }
}
`, { name: 'HTTP listener forwarding to targets' }),
    tf(`resource "aws_alb_listener" "plain" { # <--
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/0123456789abcdef"
  port              = 8080

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/app/0123456789abcdef"
  }
}
`, { name: 'no protocol: an application load balancer listener is HTTP' }),
  ],
  unknown: [
    { name: 'protocol parameter without default', template: `Parameters:
  Proto: { Type: String }
Resources:
  L:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: lb
      Port: 80
      Protocol: !Ref Proto # <--
      DefaultActions: [{ Type: forward, TargetGroupArn: tg }]
` },
    tf(`variable "listener_protocol" {
  type = string
}

resource "aws_lb_listener" "front" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/0123456789abcdef"
  port              = 80
  protocol          = var.listener_protocol # <--

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/app/0123456789abcdef"
  }
}
`, { name: 'protocol from a variable without a value' }),
  ],
  not_applicable: [
    `Resources:
  L:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties: { LoadBalancerArn: lb, Port: 5432, Protocol: TCP, DefaultActions: [{ Type: forward, TargetGroupArn: tg }] }`,
    tf(`resource "aws_lb_listener" "postgres" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/nlb/0123456789abcdef"
  port              = 5432
  protocol          = "TCP"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/pg/0123456789abcdef"
  }
}
`),
  ],
});
