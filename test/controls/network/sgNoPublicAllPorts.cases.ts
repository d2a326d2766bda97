import control from '../../../src/controls/network/sgNoPublicAllPorts.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: internal
      SecurityGroupIngress:
        - { IpProtocol: "-1", CidrIp: 10.0.0.0/16 } # <--
        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 } # <--
`,
    tf(`resource "aws_security_group" "internal" {
  name        = "internal"
  description = "All traffic from inside the VPC, HTTPS from anywhere"
  vpc_id      = "vpc-0a1b2c3d"

  ingress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["10.0.0.0/16"] # <--
  }

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # <--
  }
}
`),
  ],
  fail: [
    `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: open
      SecurityGroupIngress:
        - { IpProtocol: "-1", CidrIp: 0.0.0.0/0 } # <--
`,
    `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: open
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 0, ToPort: 65535, CidrIpv6: ::/0 } # <--
`,
    tf(`resource "aws_security_group" "open" {
  name   = "open"
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"] # <--
  }
}
`, { name: 'inline all-protocol rule from anywhere' }),
    tf(`resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_security_group_rule" "all_tcp" { # <--
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  protocol          = "tcp"
  from_port         = 0
  to_port           = 65535
  ipv6_cidr_blocks  = ["::/0"]
}
`, { name: 'every TCP port from any IPv6 address' }),
    tf(`resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_vpc_security_group_ingress_rule" "everything" { # <--
  security_group_id = aws_security_group.app.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}
`, { name: 'split rule for every protocol' }),
  ],
  unknown: [
    { name: 'protocol chosen by condition', template: `Parameters:
  Open: { Type: String }
Conditions:
  IsOpen: !Equals [!Ref Open, "yes"]
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: maybe
      SecurityGroupIngress:
        - { IpProtocol: !If [IsOpen, "-1", tcp], FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 } # <--
` },
    tf(`variable "open_everything" {
  type = bool
}

resource "aws_security_group" "maybe" {
  name   = "maybe"
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = var.open_everything ? "-1" : "tcp"
    cidr_blocks = ["0.0.0.0/0"] # <--
  }
}
`, { name: 'protocol chosen by a variable without a value' }),
  ],
});
