import control from '../../../src/controls/network/sgEgressRestricted.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app
      SecurityGroupEgress:
        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 } # <--
`,
    tf(`resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-0a1b2c3d"

  egress {
    description = "HTTPS to AWS APIs"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # <--
  }
}
`),
    tf(`resource "aws_security_group" "app" { # <--
  name   = "app"
  vpc_id = "vpc-0a1b2c3d"
}
`, { name: 'no egress block: Terraform removes the default allow-all rule' }),
  ],
  fail: [
    { name: 'implicit default egress', template: `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app` },
    `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app
      SecurityGroupEgress:
        - { IpProtocol: "-1", CidrIp: 0.0.0.0/0 } # <--
`,
    tf(`resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-0a1b2c3d"

  egress {
    from_port        = 0
    to_port          = 0
    protocol         = "-1"
    cidr_blocks      = ["0.0.0.0/0"] # <--
    ipv6_cidr_blocks = ["::/0"] # <--
  }
}
`, { name: 'the usual allow-all egress block' }),
    tf(`resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_vpc_security_group_egress_rule" "all" { # <--
  security_group_id = aws_security_group.app.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}
`, { name: 'split allow-all egress rule' }),
  ],
  unknown: [
    { name: 'egress CIDR parameter without default', template: `Parameters:
  Dest: { Type: String }
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app
      SecurityGroupEgress:
        - { IpProtocol: "-1", CidrIp: !Ref Dest } # <--
` },
    tf(`variable "egress_cidr" {
  type = string
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_security_group_rule" "out" { # <--
  type              = "egress"
  security_group_id = aws_security_group.app.id
  protocol          = "-1"
  from_port         = 0
  to_port           = 0
  cidr_blocks       = [var.egress_cidr]
}
`, { name: 'egress CIDR from a variable without a value' }),
  ],
});
