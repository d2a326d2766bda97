// Network Firewall firewalls for the case tables: the three protection settings (deletion,
// policy change, subnet change) are tested alike, so one table serves each of them.
import type { Control } from '../../../src/controls/api.js';
import { cases, tf as terraform, type CaseTable } from '../../helpers/cases.js';

/** The case table of a boolean firewall protection: `cfn` its CloudFormation property, `tf` its Terraform argument. */
export function firewallProtectionCases(control: Control, cfn: string, tf: string): CaseTable {
  return cases(control, {
  pass: [
    `Resources:
  Fw:
    Type: AWS::NetworkFirewall::Firewall
    Properties:
      FirewallName: edge
      FirewallPolicyArn: arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/edge
      VpcId: vpc-1
      SubnetMappings: [{ SubnetId: subnet-1 }]
      ${cfn}: true # <--
`,
    terraform(`resource "aws_networkfirewall_firewall" "edge" {
  name                = "edge"
  firewall_policy_arn = "arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/edge"
  vpc_id              = "vpc-1"
  ${tf} = true # <--

  subnet_mapping {
    subnet_id = "subnet-1"
  }
}
`, { name: `${tf} = true` }),
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
      ${cfn}: false # <--
`,
    terraform(`resource "aws_networkfirewall_firewall" "edge" { # <--
  name                = "edge"
  firewall_policy_arn = "arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/edge"
  vpc_id              = "vpc-1"

  subnet_mapping {
    subnet_id = "subnet-1"
  }
}
`, { name: `${tf} not set (defaults to false)` }),
    terraform(`resource "aws_networkfirewall_firewall" "edge" {
  name                = "edge"
  firewall_policy_arn = "arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/edge"
  vpc_id              = "vpc-1"
  ${tf} = false # <--

  subnet_mapping {
    subnet_id = "subnet-1"
  }
}
`, { name: `${tf} = false` }),
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
      ${cfn}: !Ref Protect # <--
` },
    terraform(`variable "protect" {
  type = bool
}

resource "aws_networkfirewall_firewall" "edge" {
  name                = "edge"
  firewall_policy_arn = "arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/edge"
  vpc_id              = "vpc-1"
  ${tf} = var.protect # <--

  subnet_mapping {
    subnet_id = "subnet-1"
  }
}
`, { name: `${tf} from a variable without a value` }),
  ],
});
}
