import control from '../../../src/controls/network/vpcDefaultSecurityGroupUnused.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: app, VpcId: !Ref Vpc }`,
  ],
  fail: [
    `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  Open:
    Type: AWS::EC2::SecurityGroupIngress
    Properties: { GroupId: !GetAtt Vpc.DefaultSecurityGroup, IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }`,
  ],
});
