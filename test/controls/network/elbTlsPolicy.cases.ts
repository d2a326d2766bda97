import control from '../../../src/controls/network/elbTlsPolicy.js';
import { cases, tf } from '../../helpers/cases.js';

const listener = (extra: string, mark = '') => `Resources:
  L:${mark}
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: lb
      Port: 443
      Protocol: HTTPS
      Certificates: [{ CertificateArn: cert }]
      DefaultActions: [{ Type: forward, TargetGroupArn: tg }]
${extra}`;

const tfListener = (policy: string, mark = '') => `resource "aws_lb_listener" "https" {${mark}
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/0123456789abcdef"
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
${policy}
  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/app/0123456789abcdef"
  }
}
`;

export default cases(control, {
  pass: [
    listener('      SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06 # <--'),
    listener('      SslPolicy: ELBSecurityPolicy-TLS-1-2-Ext-2018-06 # <--'),
    { name: 'policy from a parameter default', template: `Parameters:
  Policy: { Type: String, Default: ELBSecurityPolicy-FS-1-2-Res-2020-10 }
${listener('      SslPolicy: !Ref Policy # <--')}` },
    tf(tfListener('  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06" # <--')),
    tf(`variable "ssl_policy" {
  type    = string
  default = "ELBSecurityPolicy-TLS13-1-3-2021-06"
}

resource "aws_lb_listener" "tls" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/nlb/0123456789abcdef"
  port              = 443
  protocol          = "TLS"
  certificate_arn   = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
  ssl_policy        = var.ssl_policy # <--

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/app/0123456789abcdef"
  }
}
`, { name: 'TLS listener, policy from a variable default' }),
  ],
  fail: [
    listener('      SslPolicy: ELBSecurityPolicy-2016-08 # <--'),
    listener('      SslPolicy: ELBSecurityPolicy-TLS-1-1-2017-01 # <--'),
    { name: 'no SslPolicy (default policy)', template: listener('', ' # <--') },
    tf(tfListener('  ssl_policy        = "ELBSecurityPolicy-TLS-1-1-2017-01" # <--')),
    tf(tfListener('', ' # <--'), { name: 'no ssl_policy: the default ELBSecurityPolicy-2016-08' }),
  ],
  unknown: [
    { name: 'policy parameter without default', template: `Parameters:
  Policy: { Type: String }
${listener('      SslPolicy: !Ref Policy # <--')}` },
    tf(`variable "ssl_policy" {
  type = string
}

${tfListener('  ssl_policy        = var.ssl_policy # <--')}`, { name: 'policy from a variable without a value' }),
  ],
  not_applicable: [
    `Resources:
  L:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties: { LoadBalancerArn: lb, Port: 80, Protocol: HTTP, DefaultActions: [{ Type: forward, TargetGroupArn: tg }] }`,
    tf(`resource "aws_lb_listener" "http" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/0123456789abcdef"
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/app/0123456789abcdef"
  }
}
`),
  ],
});
