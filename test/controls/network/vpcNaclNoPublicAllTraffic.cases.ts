import control from '../../../src/controls/network/vpcNaclNoPublicAllTraffic.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  E: # <--
    Type: AWS::EC2::NetworkAclEntry
    Properties: { NetworkAclId: acl-1, RuleNumber: 100, Protocol: -1, RuleAction: allow, Egress: true, CidrBlock: 0.0.0.0/0 }
`,
    `Resources:
  E: # <--
    Type: AWS::EC2::NetworkAclEntry
    Properties: { NetworkAclId: acl-1, RuleNumber: 100, Protocol: -1, RuleAction: allow, CidrBlock: 10.0.0.0/8 }
`,
    tf(`resource "aws_network_acl" "private" {
  vpc_id = "vpc-0a1b2c3d"

  ingress { # <--
    rule_no    = 100
    action     = "allow"
    protocol   = "-1"
    cidr_block = "10.0.0.0/16"
    from_port  = 0
    to_port    = 0
  }

  egress { # <--
    rule_no    = 100
    action     = "allow"
    protocol   = "-1"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }
}
`),
  ],
  fail: [
    `Resources:
  E:
    Type: AWS::EC2::NetworkAclEntry
    Properties: { NetworkAclId: acl-1, RuleNumber: 100, Protocol: -1, RuleAction: allow, Ipv6CidrBlock: ::/0 } # <--
`,
    tf(`resource "aws_default_network_acl" "default" {
  default_network_acl_id = "acl-0a1b2c3d"

  ingress {
    protocol   = -1 # <--
    rule_no    = 100
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }
}
`, { name: 'default ACL adopted with its allow-all entry' }),
    tf(`resource "aws_network_acl" "public" {
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_network_acl_rule" "all_in" {
  network_acl_id = aws_network_acl.public.id
  rule_number    = 100
  egress         = false
  protocol       = "all" # <--
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
}
`, { name: 'split rule for every protocol' }),
  ],
  unknown: [
    tf(`variable "cidr" {
  type = string
}

resource "aws_network_acl_rule" "all_in" { # <--
  network_acl_id = "acl-0a1b2c3d"
  rule_number    = 100
  protocol       = "-1"
  rule_action    = "allow"
  cidr_block     = var.cidr
}
`, { name: 'CIDR from a variable without a value' }),
  ],
});
