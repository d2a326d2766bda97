import control from '../../../src/controls/network/sgPublicIngressWebOnly.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: alb
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 0.0.0.0/0 } # <--
        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIpv6: ::/0 } # <--
        - { IpProtocol: tcp, FromPort: 8080, ToPort: 8080, CidrIp: 10.0.0.0/8 } # <--
`,
    tf(`resource "aws_security_group" "alb" {
  name        = "alb"
  description = "Public load balancer"
  vpc_id      = "vpc-0a1b2c3d"
}

resource "aws_vpc_security_group_ingress_rule" "http" { # <--
  security_group_id = aws_security_group.alb.id
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_ingress_rule" "https" { # <--
  security_group_id = aws_security_group.alb.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv6         = "::/0"
}

resource "aws_vpc_security_group_ingress_rule" "admin" { # <--
  security_group_id = aws_security_group.alb.id
  ip_protocol       = "tcp"
  from_port         = 8080
  to_port           = 8080
  cidr_ipv4         = "10.0.0.0/8"
}
`),
  ],
  fail: [
    `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 8080, ToPort: 8080, CidrIp: 0.0.0.0/0 } # <--
`,
    `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: range
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 80, ToPort: 443, CidrIp: 0.0.0.0/0 } # <--
`,
    tf(`resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    from_port   = 8080
    to_port     = 8080
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # <--
  }
}
`, { name: 'inline application port open next to HTTPS' }),
    tf(`resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_security_group_rule" "range" { # <--
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  protocol          = "tcp"
  from_port         = 80
  to_port           = 443
  cidr_blocks       = ["0.0.0.0/0"]
}
`, { name: 'split rule for the range 80-443' }),
  ],
  unknown: [
    { name: 'port parameter with allowed values 443 or 8443', template: `Parameters:
  Port: { Type: Number, AllowedValues: [443, 8443] }
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: !Ref Port, ToPort: !Ref Port, CidrIp: 0.0.0.0/0 } # <--
` },
    tf(`variable "port" {
  type = number
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    from_port   = var.port
    to_port     = var.port
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # <--
  }
}
`, { name: 'port from a variable without a value' }),
  ],
});
