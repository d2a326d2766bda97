import control from '../../../src/controls/network/sgNoPublicDatabasePorts.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  App: # <--
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: app }
  Db:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: db
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: !Ref App } # <--
`,
    tf(`resource "aws_security_group" "app" { # <--
  name   = "app"
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_security_group" "db" {
  name   = "db"
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    description     = "PostgreSQL from the application tier"
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [aws_security_group.app.id] # <--
  }
}
`),
    tf(`resource "aws_security_group" "db" {
  name   = "db"
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_vpc_security_group_ingress_rule" "mysql" { # <--
  security_group_id = aws_security_group.db.id
  ip_protocol       = "tcp"
  from_port         = 3306
  to_port           = 3306
  cidr_ipv4         = "10.0.0.0/16"
}
`, { name: 'MySQL from the VPC range' }),
    tf(`variable "db_port" {
  type = number
}

resource "aws_security_group" "db" {
  name   = "db"
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_vpc_security_group_ingress_rule" "db" { # <--
  security_group_id = aws_security_group.db.id
  ip_protocol       = "tcp"
  from_port         = var.db_port
  to_port           = var.db_port
  cidr_ipv4         = "0.0.0.0/0"
}
`, { name: 'port variable given a web port', params: { db_port: '443' } }),
  ],
  fail: [
    `Resources:
  Db:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: db
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 3306, ToPort: 3306, CidrIp: 0.0.0.0/0 } # <--
`,
    { name: 'port range covering Redis', template: `Resources:
  Cache:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: cache
      SecurityGroupIngress:
        - { IpProtocol: "6", FromPort: 6000, ToPort: 7000, CidrIp: 0.0.0.0/0 } # <--
` },
    tf(`resource "aws_security_group" "db" {
  name   = "db"
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # <--
  }
}
`, { name: 'PostgreSQL open inline' }),
    tf(`resource "aws_security_group" "cache" {
  name   = "cache"
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_security_group_rule" "redis" { # <--
  type              = "ingress"
  security_group_id = aws_security_group.cache.id
  protocol          = "6"
  from_port         = 6000
  to_port           = 7000
  cidr_blocks       = ["0.0.0.0/0"]
}
`, { name: 'split rule whose range covers Redis' }),
  ],
  unknown: [
    { name: 'port from parameter without default', template: `Parameters:
  Port: { Type: Number }
Resources:
  Db:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: db
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: !Ref Port, ToPort: !Ref Port, CidrIp: 0.0.0.0/0 } # <--
` },
    tf(`variable "db_port" {
  type = number
}

resource "aws_security_group" "db" {
  name   = "db"
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_vpc_security_group_ingress_rule" "db" { # <--
  security_group_id = aws_security_group.db.id
  ip_protocol       = "tcp"
  from_port         = var.db_port
  to_port           = var.db_port
  cidr_ipv4         = "0.0.0.0/0"
}
`, { name: 'port from a variable without a value' }),
  ],
});
