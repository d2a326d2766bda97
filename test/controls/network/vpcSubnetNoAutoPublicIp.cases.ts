import control from '../../../src/controls/network/vpcSubnetNoAutoPublicIp.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Subnet:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: vpc-1, CidrBlock: 10.0.1.0/24 }`,
    { name: 'parameter default false', template: `Parameters:
  Public: { Type: String, Default: "false" }
Resources:
  Subnet:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: vpc-1, CidrBlock: 10.0.1.0/24, MapPublicIpOnLaunch: !Ref Public }` },
  ],
  fail: [
    `Resources:
  Subnet:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: vpc-1, CidrBlock: 10.0.1.0/24, MapPublicIpOnLaunch: true }`,
  ],
  unknown: [
    { name: 'condition picks true or false', template: `Parameters:
  Env: { Type: String }
Conditions:
  Dev: !Equals [!Ref Env, dev]
Resources:
  Subnet:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: vpc-1, CidrBlock: 10.0.1.0/24, MapPublicIpOnLaunch: !If [Dev, true, false] }` },
  ],
});
