import control from '../../../src/controls/network/vpcDefaultSecurityGroupUnused.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Vpc: # <--
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: app, VpcId: !Ref Vpc }
`,
    tf(`resource "aws_vpc" "main" { # <--
  cidr_block = "10.0.0.0/16"
}

resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.main.id
}
`, { name: 'default group adopted and emptied' }),
    tf(`resource "aws_vpc" "main" { # <--
  cidr_block = "10.0.0.0/16"
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = aws_vpc.main.id

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }
}
`, { name: 'rules on a dedicated group' }),
  ],
  fail: [
    `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  Open:
    Type: AWS::EC2::SecurityGroupIngress
    Properties: { GroupId: !GetAtt Vpc.DefaultSecurityGroup, IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 } # <--
`,
    tf(`resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.main.id

  ingress {
    protocol  = "-1"
    self      = true # <--
    from_port = 0
    to_port   = 0
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"] # <--
  }
}
`, { name: 'default group adopted with its usual rules' }),
    tf(`resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_security_group_rule" "https" {
  type              = "ingress"
  security_group_id = aws_vpc.main.default_security_group_id # <--
  protocol          = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_blocks       = ["0.0.0.0/0"]
}
`, { name: 'rule added to the default group by its id' }),
  ],
});
