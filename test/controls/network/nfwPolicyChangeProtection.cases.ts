import control from '../../../src/controls/network/nfwPolicyChangeProtection.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Fw:
    Type: AWS::NetworkFirewall::Firewall
    Properties:
      FirewallName: edge
      FirewallPolicyArn: arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/edge
      VpcId: vpc-1
      SubnetMappings: [{ SubnetId: subnet-1 }]
      FirewallPolicyChangeProtection: true # <--
`,
    tf(`resource "aws_networkfirewall_firewall" "edge" {
  name                = "edge"
  firewall_policy_arn = "arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/edge"
  vpc_id              = "vpc-1"
  firewall_policy_change_protection = true # <--

  subnet_mapping {
    subnet_id = "subnet-1"
  }
}
`, { name: 'firewall_policy_change_protection = true' }),
  ],
  fail: [
    `Resources:
  Fw: # <--
    Type: AWS::NetworkFirewall::Firewall
    Properties:
      FirewallName: edge
      FirewallPolicyArn: arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/edge
      VpcId: vpc-1
      SubnetMappings: [{ SubnetId: subnet-1 }]
`,
    `Resources:
  Fw:
    Type: AWS::NetworkFirewall::Firewall
    Properties:
      FirewallName: edge
      FirewallPolicyArn: arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/edge
      VpcId: vpc-1
      SubnetMappings: [{ SubnetId: subnet-1 }]
      FirewallPolicyChangeProtection: false # <--
`,
    tf(`resource "aws_networkfirewall_firewall" "edge" { # <--
  name                = "edge"
  firewall_policy_arn = "arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/edge"
  vpc_id              = "vpc-1"

  subnet_mapping {
    subnet_id = "subnet-1"
  }
}
`, { name: 'firewall_policy_change_protection not set (defaults to false)' }),
    tf(`resource "aws_networkfirewall_firewall" "edge" {
  name                = "edge"
  firewall_policy_arn = "arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/edge"
  vpc_id              = "vpc-1"
  firewall_policy_change_protection = false # <--

  subnet_mapping {
    subnet_id = "subnet-1"
  }
}
`, { name: 'firewall_policy_change_protection = false' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Protect: { Type: String }
Resources:
  Fw:
    Type: AWS::NetworkFirewall::Firewall
    Properties:
      FirewallName: edge
      FirewallPolicyArn: arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/edge
      VpcId: vpc-1
      SubnetMappings: [{ SubnetId: subnet-1 }]
      FirewallPolicyChangeProtection: !Ref Protect # <--
` },
    tf(`variable "protect" {
  type = bool
}

resource "aws_networkfirewall_firewall" "edge" {
  name                = "edge"
  firewall_policy_arn = "arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/edge"
  vpc_id              = "vpc-1"
  firewall_policy_change_protection = var.protect # <--

  subnet_mapping {
    subnet_id = "subnet-1"
  }
}
`, { name: 'firewall_policy_change_protection from a variable without a value' }),
  ],
});
