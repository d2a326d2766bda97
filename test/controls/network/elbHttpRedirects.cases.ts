import control from '../../../src/controls/network/elbHttpRedirects.js';
import { cases, tf } from '../../helpers/cases.js';

const http = (mark = '') => `Resources:
  L:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: lb
      Port: 80
      Protocol: HTTP
      DefaultActions:${mark}
        - Type: redirect
          RedirectConfig: { Protocol: HTTPS, Port: "443", StatusCode: HTTP_301 }
`;

const tfHttp = (mark = '') => `resource "aws_lb_listener" "http" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/0123456789abcdef"
  port              = 80
  protocol          = "HTTP"

  default_action {${mark}
    type = "redirect"

    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}
`;

export default cases(control, {
  pass: [
    http(' # <--'),
    tf(tfHttp(' # <--')),
    tf(`${tfHttp(' # <--')}
resource "aws_lb_listener_rule" "legacy" {
  listener_arn = aws_lb_listener.http.arn
  priority     = 10

  action {
    type = "redirect"

    redirect {
      host        = "www.example.com"
      protocol    = "HTTPS"
      port        = "443"
      status_code = "HTTP_301"
    }
  }

  condition {
    host_header {
      values = ["example.com"]
    }
  }
}
`, { name: 'a listener rule that also redirects to HTTPS' }),
  ],
  fail: [
    { name: 'forwarding listener rule on a redirecting listener', template: `${http()}  Rule:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
      ListenerArn: !Ref L
      Priority: 1
      Conditions: [{ Field: path-pattern, Values: [/api/*] }]
      Actions: [{ Type: forward, TargetGroupArn: tg }] # <--
` },
    `Resources:
  L:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: lb
      Port: 80
      Protocol: HTTP
      DefaultActions: [{ Type: fixed-response, FixedResponseConfig: { StatusCode: "200" } }] # <--
`,
    tf(`${tfHttp()}
resource "aws_lb_listener_rule" "api" {
  listener_arn = aws_lb_listener.http.arn
  priority     = 1

  action { # <--
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/api/0123456789abcdef"
  }

  condition {
    path_pattern {
      values = ["/api/*"]
    }
  }
}
`, { name: 'forwarding listener rule on a redirecting listener' }),
    tf(`resource "aws_lb_listener" "http" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/0123456789abcdef"
  port              = 80
  protocol          = "HTTP"

  default_action { # <--
    type = "fixed-response"

    fixed_response {
      content_type = "text/plain"
      status_code  = "200"
    }
  }
}
`, { name: 'fixed response over HTTP' }),
    tf(`resource "aws_lb_listener" "http" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/0123456789abcdef"
  port              = 80
  protocol          = "HTTP"

  default_action { # <--
    type = "redirect"

    redirect {
      host        = "www.example.com"
      status_code = "HTTP_302"
    }
  }
}
`, { name: 'redirect that keeps the request protocol' }),
  ],
  unknown: [
    { name: 'redirect protocol chosen by a condition', template: `Parameters:
  Env: { Type: String }
Conditions:
  Prod: !Equals [!Ref Env, prod]
Resources:
  L:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: lb
      Port: 80
      Protocol: HTTP
      DefaultActions: # <--
        - Type: redirect
          RedirectConfig: { Protocol: !If [Prod, HTTPS, HTTP], Port: "443", StatusCode: HTTP_301 }
` },
    tf(`variable "redirect_protocol" {
  type = string
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/0123456789abcdef"
  port              = 80
  protocol          = "HTTP"

  default_action { # <--
    type = "redirect"

    redirect {
      port        = "443"
      protocol    = var.redirect_protocol
      status_code = "HTTP_301"
    }
  }
}
`, { name: 'redirect protocol from a variable without a value' }),
  ],
  not_applicable: [
    `Resources:
  L:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties: { LoadBalancerArn: lb, Port: 443, Protocol: HTTPS, Certificates: [{ CertificateArn: c }], DefaultActions: [{ Type: forward, TargetGroupArn: tg }] }`,
    tf(`resource "aws_lb_listener" "https" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/0123456789abcdef"
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/app/0123456789abcdef"
  }
}
`),
  ],
});
