import control from '../../../src/controls/resilience/asgElbHealthCheck.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '1'
      MaxSize: '3'
      TargetGroupARNs: [!Ref Tg]
      HealthCheckType: ELB
      HealthCheckGracePeriod: 300
  Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: { Port: 80, Protocol: HTTP, VpcId: vpc-123 }
`,
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '1'
      MaxSize: '3'
      TargetGroupARNs: [!Ref Tg]
  Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: { Port: 80, Protocol: HTTP, VpcId: vpc-123 }
`,
    `Resources:
  B:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '1'
      MaxSize: '3'
      LoadBalancerNames: [classic]
      HealthCheckType: EC2
`,
  ],
  unknown: [
    { name: "health check type from a parameter without default", template: `Parameters:
  Hc: { Type: String }
Resources:
  B:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '1'
      MaxSize: '3'
      LoadBalancerNames: [classic]
      HealthCheckType: !Ref Hc
` },
  ],
  not_applicable: [
    `Resources:
  B:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '1'
      MaxSize: '3'
      VPCZoneIdentifier: [subnet-a, subnet-b]
`,
  ],
});
