import control from '../../../src/controls/network/sgRuleDescriptions.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0, Description: public HTTPS } # <--
      SecurityGroupEgress:
        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0, Description: AWS APIs } # <--
`,
    tf(`resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    description = "public HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # <--
  }
}

resource "aws_vpc_security_group_egress_rule" "apis" { # <--
  security_group_id = aws_security_group.web.id
  description       = "AWS APIs"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}
`),
  ],
  fail: [
    `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 } # <--
`,
    { name: 'standalone ingress without description', template: `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: web }
  In: # <--
    Type: AWS::EC2::SecurityGroupIngress
    Properties: { GroupId: !Ref Sg, IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 0.0.0.0/0 }` },
    tf(`resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # <--
  }
}
`, { name: 'inline rule without description' }),
    tf(`resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_security_group_rule" "http" { # <--
  type              = "ingress"
  security_group_id = aws_security_group.web.id
  protocol          = "tcp"
  from_port         = 80
  to_port           = 80
  cidr_blocks       = ["0.0.0.0/0"]
}
`, { name: 'split rule without description' }),
  ],
  not_applicable: [
    `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: empty }`,
    tf(`resource "aws_security_group" "empty" {
  name   = "empty"
  vpc_id = "vpc-0a1b2c3d"
}
`),
  ],
});
