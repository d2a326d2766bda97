import control from '../../../src/controls/network/elbDesyncMitigation.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Lb: # <--
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Subnets: [subnet-1, subnet-2]
`,
    `Resources:
  Lb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Subnets: [subnet-1, subnet-2]
      LoadBalancerAttributes:
        - Key: routing.http.desync_mitigation_mode
          Value: strictest # <--
`,
    tf(`resource "aws_lb" "web" {
  name                   = "web"
  subnets                = ["subnet-1", "subnet-2"]
  desync_mitigation_mode = "defensive" # <--
}
`, { name: 'defensive' }),
  ],
  fail: [
    `Resources:
  Lb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Subnets: [subnet-1, subnet-2]
      LoadBalancerAttributes:
        - Key: routing.http.desync_mitigation_mode
          Value: monitor # <--
`,
    tf(`resource "aws_lb" "web" {
  name                   = "web"
  subnets                = ["subnet-1", "subnet-2"]
  desync_mitigation_mode = "monitor" # <--
}
`, { name: 'monitor' }),
  ],
  unknown: [
    tf(`variable "desync" {
  type = string
}

resource "aws_lb" "web" {
  name                   = "web"
  subnets                = ["subnet-1", "subnet-2"]
  desync_mitigation_mode = var.desync # <--
}
`, { name: 'mode from a variable without a value' }),
  ],
  not_applicable: [
    `Resources:
  Lb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Type: network
      Subnets: [subnet-1, subnet-2]
`,
  ],
});
