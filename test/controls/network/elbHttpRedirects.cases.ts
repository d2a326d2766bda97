import control from '../../../src/controls/network/elbHttpRedirects.js';
import { cases } from '../../helpers/cases.js';

const http = `Resources:
  L:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: lb
      Port: 80
      Protocol: HTTP
      DefaultActions:
        - Type: redirect
          RedirectConfig: { Protocol: HTTPS, Port: "443", StatusCode: HTTP_301 }`;

export default cases(control, {
  pass: [http],
  fail: [
    { name: 'forwarding listener rule on a redirecting listener', template: `${http}
  Rule:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
      ListenerArn: !Ref L
      Priority: 1
      Conditions: [{ Field: path-pattern, Values: [/api/*] }]
      Actions: [{ Type: forward, TargetGroupArn: tg }]` },
    `Resources:
  L:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: lb
      Port: 80
      Protocol: HTTP
      DefaultActions: [{ Type: fixed-response, FixedResponseConfig: { StatusCode: "200" } }]`,
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
      DefaultActions:
        - Type: redirect
          RedirectConfig: { Protocol: !If [Prod, HTTPS, HTTP], Port: "443", StatusCode: HTTP_301 }` },
  ],
  not_applicable: [
    `Resources:
  L:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties: { LoadBalancerArn: lb, Port: 443, Protocol: HTTPS, Certificates: [{ CertificateArn: c }], DefaultActions: [{ Type: forward, TargetGroupArn: tg }] }`,
  ],
});
