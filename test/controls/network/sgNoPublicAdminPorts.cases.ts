import control from '../../../src/controls/network/sgNoPublicAdminPorts.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 } # <--
        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 10.0.0.0/8 } # <--
`,
    { name: 'SSH from a parameter default CIDR', template: `Parameters:
  AdminCidr: { Type: String, Default: 192.168.1.0/24 }
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: admin
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref AdminCidr } # <--
` },
    tf(`resource "aws_security_group" "web" {
  name        = "web"
  description = "Public HTTPS, SSH from the office network"
  vpc_id      = "vpc-0a1b2c3d"

  ingress {
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # <--
  }

  ingress {
    description = "SSH from the office"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.20.0.0/16"] # <--
  }
}
`),
    tf(`variable "admin_cidr" {
  type    = string
  default = "192.168.10.0/24"
}

resource "aws_security_group" "admin" {
  name   = "admin"
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_vpc_security_group_ingress_rule" "ssh" { # <--
  security_group_id = aws_security_group.admin.id
  description       = "SSH from the admin network"
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv4         = var.admin_cidr
}
`, { name: 'SSH rule from a variable default CIDR' }),
  ],
  fail: [
    `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: ssh
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 } # <--
`,
    { name: 'standalone RDP ingress over IPv6 on a declared group', template: `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: rdp }
  Rdp: # <--
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !GetAtt Sg.GroupId
      IpProtocol: tcp
      FromPort: 3000
      ToPort: 4000
      CidrIpv6: ::/0` },
    { name: 'standalone ingress on a group outside the template', template: `{"Resources": {"R": {"Type": "AWS::EC2::SecurityGroupIngress", "Properties": {"GroupId": "sg-123", "IpProtocol": "-1", "CidrIp": "0.0.0.0/0"}}}}` },
    tf(`resource "aws_security_group" "bastion" {
  name   = "bastion"
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    from_port        = 22
    to_port          = 22
    protocol         = "tcp"
    ipv6_cidr_blocks = ["::/0"] # <--
  }
}
`, { name: 'inline SSH from any IPv6 address' }),
    tf(`resource "aws_security_group" "windows" {
  name   = "windows"
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_vpc_security_group_ingress_rule" "rdp" { # <--
  security_group_id = aws_security_group.windows.id
  ip_protocol       = "tcp"
  from_port         = 3389
  to_port           = 3389
  cidr_ipv4         = "0.0.0.0/0"
}
`, { name: 'split RDP rule open to the internet' }),
    tf(`resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  protocol          = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_blocks = [
    "10.0.0.0/8",
    "0.0.0.0/0", # <--
  ]
}
`, { name: 'the world CIDR of a rule on a group outside the configuration' }),
  ],
  unknown: [
    { name: 'CIDR parameter without default', template: `Parameters:
  Cidr: { Type: String }
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: ssh
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref Cidr } # <--
` },
    { name: 'rule present only under a condition', template: `Parameters:
  Env: { Type: String }
Conditions:
  Dev: !Equals [!Ref Env, dev]
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: ssh
      SecurityGroupIngress:
        - !If [Dev, { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }, !Ref AWS::NoValue] # <--
` },
    tf(`variable "ssh_cidr" {
  type = string
}

resource "aws_security_group" "bastion" {
  name   = "bastion"
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.ssh_cidr] # <--
  }
}
`, { name: 'SSH CIDR from a variable without a value' }),
  ],
});
