import control from '../../../src/controls/network/sgNoPublicAllPorts.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: internal
      SecurityGroupIngress:
        - { IpProtocol: "-1", CidrIp: 10.0.0.0/16 }
        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }`,
  ],
  fail: [
    `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: open
      SecurityGroupIngress:
        - { IpProtocol: "-1", CidrIp: 0.0.0.0/0 }`,
    `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: open
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 0, ToPort: 65535, CidrIpv6: ::/0 }`,
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
        - { IpProtocol: !If [IsOpen, "-1", tcp], FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }` },
  ],
});
