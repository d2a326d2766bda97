import control from '../../../src/controls/network/elbClassicAccessLogs.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Elb:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Listeners: [{ LoadBalancerPort: "443", InstancePort: "80", Protocol: HTTPS }]
      AccessLoggingPolicy: { Enabled: true, S3BucketName: logs, EmitInterval: 5 }`,
  ],
  fail: [
    `Resources:
  Elb:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Listeners: [{ LoadBalancerPort: "443", InstancePort: "80", Protocol: HTTPS }]`,
  ],
});
