import control from '../../../src/controls/network/sgPublicIngressWebOnly.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: alb
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 0.0.0.0/0 }
        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIpv6: ::/0 }
        - { IpProtocol: tcp, FromPort: 8080, ToPort: 8080, CidrIp: 10.0.0.0/8 }`,
  ],
  fail: [
    `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 8080, ToPort: 8080, CidrIp: 0.0.0.0/0 }`,
    `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: range
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 80, ToPort: 443, CidrIp: 0.0.0.0/0 }`,
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
        - { IpProtocol: tcp, FromPort: !Ref Port, ToPort: !Ref Port, CidrIp: 0.0.0.0/0 }` },
  ],
});
