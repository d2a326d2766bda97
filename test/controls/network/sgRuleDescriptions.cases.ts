import control from '../../../src/controls/network/sgRuleDescriptions.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0, Description: public HTTPS }
      SecurityGroupEgress:
        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0, Description: AWS APIs }`,
  ],
  fail: [
    `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }`,
    { name: 'standalone ingress without description', template: `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: web }
  In:
    Type: AWS::EC2::SecurityGroupIngress
    Properties: { GroupId: !Ref Sg, IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 0.0.0.0/0 }` },
  ],
  not_applicable: [
    `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: empty }`,
  ],
});
