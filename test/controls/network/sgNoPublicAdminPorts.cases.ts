import control from '../../../src/controls/network/sgNoPublicAdminPorts.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }
        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 10.0.0.0/8 }`,
    { name: 'SSH from a parameter default CIDR', template: `Parameters:
  AdminCidr: { Type: String, Default: 192.168.1.0/24 }
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: admin
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref AdminCidr }` },
  ],
  fail: [
    `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: ssh
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }`,
    { name: 'standalone RDP ingress over IPv6 on a declared group', template: `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: rdp }
  Rdp:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !GetAtt Sg.GroupId
      IpProtocol: tcp
      FromPort: 3000
      ToPort: 4000
      CidrIpv6: ::/0` },
    { name: 'standalone ingress on a group outside the template', template: `{"Resources": {"R": {"Type": "AWS::EC2::SecurityGroupIngress", "Properties": {"GroupId": "sg-123", "IpProtocol": "-1", "CidrIp": "0.0.0.0/0"}}}}` },
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
        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref Cidr }` },
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
        - !If [Dev, { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }, !Ref AWS::NoValue]` },
  ],
});
