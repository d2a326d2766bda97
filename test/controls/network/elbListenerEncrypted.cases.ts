import control from '../../../src/controls/network/elbListenerEncrypted.js';
import { cases } from '../../helpers/cases.js';

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
      Protocol: HTTPS
      SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
      Certificates: [{ CertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/abc }]
      DefaultActions: [{ Type: forward, TargetGroupArn: tg }]`,
    { name: 'HTTP listener that redirects', template: `Resources:
  L:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: lb
      Port: 80
      Protocol: HTTP
      DefaultActions:
        - Type: redirect
          RedirectConfig: { Protocol: HTTPS, Port: "443", StatusCode: HTTP_301 }` },
  ],
  fail: [
    `Resources:
  L:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: lb
      Port: 80
      Protocol: HTTP
      DefaultActions: [{ Type: forward, TargetGroupArn: tg }]`,
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
      Protocol: !Ref Proto
      DefaultActions: [{ Type: forward, TargetGroupArn: tg }]` },
  ],
  not_applicable: [
    `Resources:
  L:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties: { LoadBalancerArn: lb, Port: 5432, Protocol: TCP, DefaultActions: [{ Type: forward, TargetGroupArn: tg }] }`,
  ],
});
