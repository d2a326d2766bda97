import control from '../../../src/controls/network/sgNoPublicDatabasePorts.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  App:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: app }
  Db:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: db
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: !Ref App }`,
  ],
  fail: [
    `Resources:
  Db:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: db
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 3306, ToPort: 3306, CidrIp: 0.0.0.0/0 }`,
    { name: 'port range covering Redis', template: `Resources:
  Cache:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: cache
      SecurityGroupIngress:
        - { IpProtocol: "6", FromPort: 6000, ToPort: 7000, CidrIp: 0.0.0.0/0 }` },
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
        - { IpProtocol: tcp, FromPort: !Ref Port, ToPort: !Ref Port, CidrIp: 0.0.0.0/0 }` },
  ],
});
