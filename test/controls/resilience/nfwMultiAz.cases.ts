import control from '../../../src/controls/resilience/nfwMultiAz.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  A:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: vpc-1, CidrBlock: 10.0.1.0/28, AvailabilityZone: eu-west-1a }
  B:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: vpc-1, CidrBlock: 10.0.2.0/28, AvailabilityZone: eu-west-1b }
  Fw:
    Type: AWS::NetworkFirewall::Firewall
    Properties:
      FirewallName: edge
      FirewallPolicyArn: arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/edge
      VpcId: vpc-1
      SubnetMappings: # <--
        - SubnetId: !Ref A
        - SubnetId: !Ref B
`,
    tf(`resource "aws_subnet" "a" {
  vpc_id            = "vpc-1"
  cidr_block        = "10.0.1.0/28"
  availability_zone = "eu-west-1a"
}

resource "aws_subnet" "b" {
  vpc_id            = "vpc-1"
  cidr_block        = "10.0.2.0/28"
  availability_zone = "eu-west-1b"
}

resource "aws_networkfirewall_firewall" "edge" {
  name                = "edge"
  firewall_policy_arn = "arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/edge"
  vpc_id              = "vpc-1"

  subnet_mapping { # <--
    subnet_id = aws_subnet.a.id
  }

  subnet_mapping {
    subnet_id = aws_subnet.b.id
  }
}
`, { name: 'two zones' }),
  ],
  fail: [
    `Resources:
  Fw:
    Type: AWS::NetworkFirewall::Firewall
    Properties:
      FirewallName: edge
      FirewallPolicyArn: arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/edge
      VpcId: vpc-1
      SubnetMappings: [{ SubnetId: subnet-1 }] # <--
`,
    tf(`resource "aws_networkfirewall_firewall" "edge" {
  name                = "edge"
  firewall_policy_arn = "arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/edge"
  vpc_id              = "vpc-1"

  subnet_mapping { # <--
    subnet_id = "subnet-1"
  }
}
`, { name: 'one subnet' }),
  ],
  unknown: [
    tf(`resource "aws_networkfirewall_firewall" "edge" {
  name                = "edge"
  firewall_policy_arn = "arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/edge"
  vpc_id              = "vpc-1"

  subnet_mapping { # <--
    subnet_id = "subnet-1"
  }

  subnet_mapping {
    subnet_id = "subnet-2"
  }
}
`, { name: 'subnets not declared' }),
  ],
});
