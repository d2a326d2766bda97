import control from '../../../src/controls/network/elbWafFailClosed.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Lb: # <--
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Subnets: [subnet-1, subnet-2]
`,
    tf(`resource "aws_lb" "web" {
  name                 = "web"
  subnets              = ["subnet-1", "subnet-2"]
  enable_waf_fail_open = false # <--
}
`, { name: 'enable_waf_fail_open = false' }),
  ],
  fail: [
    `Resources:
  Lb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Subnets: [subnet-1, subnet-2]
      LoadBalancerAttributes:
        - Key: waf.fail_open.enabled
          Value: "true" # <--
`,
    tf(`resource "aws_lb" "web" {
  name                 = "web"
  subnets              = ["subnet-1", "subnet-2"]
  enable_waf_fail_open = true # <--
}
`, { name: 'enable_waf_fail_open = true' }),
  ],
  unknown: [
    tf(`variable "fail_open" {
  type = bool
}

resource "aws_lb" "web" {
  name                 = "web"
  subnets              = ["subnet-1", "subnet-2"]
  enable_waf_fail_open = var.fail_open # <--
}
`, { name: 'from a variable without a value' }),
  ],
  not_applicable: [
    tf(`resource "aws_lb" "nlb" {
  name               = "nlb"
  load_balancer_type = "network"
  subnets            = ["subnet-1", "subnet-2"]
}
`, { name: 'network load balancer' }),
  ],
});
