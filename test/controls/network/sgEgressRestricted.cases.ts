import control from '../../../src/controls/network/sgEgressRestricted.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app
      SecurityGroupEgress:
        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }`,
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
        - { IpProtocol: "-1", CidrIp: 0.0.0.0/0 }`,
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
        - { IpProtocol: "-1", CidrIp: !Ref Dest }` },
  ],
});
