import control from '../../../src/controls/network/elbClassicListenersEncrypted.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Elb:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Listeners:
        - { LoadBalancerPort: "443", InstancePort: "80", Protocol: HTTPS, SSLCertificateId: cert }
        - { LoadBalancerPort: "8443", InstancePort: "8443", Protocol: SSL, SSLCertificateId: cert }`,
  ],
  fail: [
    `Resources:
  Elb:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Listeners:
        - { LoadBalancerPort: "443", InstancePort: "80", Protocol: HTTPS, SSLCertificateId: cert }
        - { LoadBalancerPort: "80", InstancePort: "80", Protocol: HTTP }`,
  ],
  unknown: [
    { name: 'protocol parameter without default', template: `Parameters:
  P: { Type: String }
Resources:
  Elb:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Listeners:
        - { LoadBalancerPort: "443", InstancePort: "80", Protocol: !Ref P }` },
  ],
});
