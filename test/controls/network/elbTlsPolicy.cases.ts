import control from '../../../src/controls/network/elbTlsPolicy.js';
import { cases } from '../../helpers/cases.js';

const listener = (extra: string) => `Resources:
  L:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: lb
      Port: 443
      Protocol: HTTPS
      Certificates: [{ CertificateArn: cert }]
      DefaultActions: [{ Type: forward, TargetGroupArn: tg }]
${extra}`;

export default cases(control, {
  pass: [
    listener('      SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06'),
    listener('      SslPolicy: ELBSecurityPolicy-TLS-1-2-Ext-2018-06'),
    { name: 'policy from a parameter default', template: `Parameters:
  Policy: { Type: String, Default: ELBSecurityPolicy-FS-1-2-Res-2020-10 }
${listener('      SslPolicy: !Ref Policy').replace('Resources:\n', 'Resources:\n')}` },
  ],
  fail: [
    listener('      SslPolicy: ELBSecurityPolicy-2016-08'),
    listener('      SslPolicy: ELBSecurityPolicy-TLS-1-1-2017-01'),
    { name: 'no SslPolicy (default policy)', template: listener('') },
  ],
  unknown: [
    { name: 'policy parameter without default', template: `Parameters:
  Policy: { Type: String }
${listener('      SslPolicy: !Ref Policy')}` },
  ],
  not_applicable: [
    `Resources:
  L:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties: { LoadBalancerArn: lb, Port: 80, Protocol: HTTP, DefaultActions: [{ Type: forward, TargetGroupArn: tg }] }`,
  ],
});
