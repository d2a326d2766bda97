import control from '../../../src/controls/network/vpcNaclNoPublicAdminPorts.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Acl:
    Type: AWS::EC2::NetworkAcl
    Properties: { VpcId: vpc-1 }
  Https: # <--
    Type: AWS::EC2::NetworkAclEntry
    Properties: { NetworkAclId: !Ref Acl, RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/0, PortRange: { From: 443, To: 443 } }
`,
    { name: 'SSH denied by a lower-numbered entry', template: `Resources:
  Acl:
    Type: AWS::EC2::NetworkAcl
    Properties: { VpcId: vpc-1 }
  DenySsh: # <--
    Type: AWS::EC2::NetworkAclEntry
    Properties: { NetworkAclId: !Ref Acl, RuleNumber: 90, Protocol: 6, RuleAction: deny, CidrBlock: 0.0.0.0/0, PortRange: { From: 22, To: 22 } }
  DenyRdp: # <--
    Type: AWS::EC2::NetworkAclEntry
    Properties: { NetworkAclId: !Ref Acl, RuleNumber: 91, Protocol: -1, RuleAction: deny, CidrBlock: 0.0.0.0/0, PortRange: { From: 3389, To: 3389 } }
  AllowHigh: # <--
    Type: AWS::EC2::NetworkAclEntry
    Properties: { NetworkAclId: !Ref Acl, RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/0, PortRange: { From: 0, To: 65535 } }
` },
    tf(`resource "aws_network_acl" "public" {
  vpc_id = "vpc-0a1b2c3d"

  ingress { # <--
    rule_no    = 100
    action     = "allow"
    protocol   = "tcp"
    cidr_block = "0.0.0.0/0"
    from_port  = 443
    to_port    = 443
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
    tf(`resource "aws_network_acl" "public" {
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_network_acl_rule" "deny_ssh" { # <--
  network_acl_id = aws_network_acl.public.id
  rule_number    = 90
  egress         = false
  protocol       = "tcp"
  rule_action    = "deny"
  cidr_block     = "0.0.0.0/0"
  from_port      = 22
  to_port        = 22
}

resource "aws_network_acl_rule" "deny_rdp" { # <--
  network_acl_id = aws_network_acl.public.id
  rule_number    = 91
  protocol       = "tcp"
  rule_action    = "deny"
  cidr_block     = "0.0.0.0/0"
  from_port      = 3389
  to_port        = 3389
}

resource "aws_network_acl_rule" "tcp_in" { # <--
  network_acl_id = aws_network_acl.public.id
  rule_number    = 100
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 0
  to_port        = 65535
}
`, { name: 'SSH and RDP denied by lower-numbered rules' }),
  ],
  fail: [
    `Resources:
  Acl:
    Type: AWS::EC2::NetworkAcl
    Properties: { VpcId: vpc-1 }
  All:
    Type: AWS::EC2::NetworkAclEntry
    Properties: { NetworkAclId: !Ref Acl, RuleNumber: 100, Protocol: -1, RuleAction: allow, CidrBlock: 0.0.0.0/0 } # <--
`,
    tf(`resource "aws_network_acl" "public" {
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "tcp" # <--
    cidr_block = "0.0.0.0/0"
    from_port  = 22
    to_port    = 22
  }
}
`, { name: 'inline entry for SSH from anywhere' }),
    tf(`resource "aws_default_network_acl" "default" {
  default_network_acl_id = "acl-0a1b2c3d"
}

resource "aws_network_acl_rule" "all_v6" {
  network_acl_id  = aws_default_network_acl.default.id
  rule_number     = 101
  protocol        = "-1" # <--
  rule_action     = "allow"
  ipv6_cidr_block = "::/0"
  from_port       = 0
  to_port         = 0
}
`, { name: 'all traffic from any IPv6 address' }),
  ],
  unknown: [
    { name: 'CIDR parameter without default', template: `Parameters:
  Cidr: { Type: String }
Resources:
  Ssh: # <--
    Type: AWS::EC2::NetworkAclEntry
    Properties: { NetworkAclId: acl-1, RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: !Ref Cidr, PortRange: { From: 22, To: 22 } }` },
    tf(`variable "ssh_cidr" {
  type = string
}

resource "aws_network_acl_rule" "ssh" { # <--
  network_acl_id = "acl-0a1b2c3d"
  rule_number    = 100
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = var.ssh_cidr
  from_port      = 22
  to_port        = 22
}
`, { name: 'CIDR from a variable without a value' }),
  ],
});
