import control from '../../../src/controls/network/ecsPrivateSubnets.js';
import { cases } from '../../helpers/cases.js';

const net = `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  Igw:
    Type: AWS::EC2::InternetGateway
  PublicRt:
    Type: AWS::EC2::RouteTable
    Properties: { VpcId: !Ref Vpc }
  PublicRoute:
    Type: AWS::EC2::Route
    Properties: { RouteTableId: !Ref PublicRt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw }
  PrivateRt:
    Type: AWS::EC2::RouteTable
    Properties: { VpcId: !Ref Vpc }
  NatRoute:
    Type: AWS::EC2::Route
    Properties: { RouteTableId: !Ref PrivateRt, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: nat-123 }
  PublicSubnet:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24 }
  PublicAssoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: { SubnetId: !Ref PublicSubnet, RouteTableId: !Ref PublicRt }
  PrivateSubnet:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24 }
  PrivateAssoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: { SubnetId: !Ref PrivateSubnet, RouteTableId: !Ref PrivateRt }
  LonelySubnet:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24 }`;

const svc = (subnets: string) => `${net}
  S:
    Type: AWS::ECS::Service
    Properties:
      Cluster: c
      TaskDefinition: td
      NetworkConfiguration:
        AwsvpcConfiguration:
          Subnets: ${subnets}`;

export default cases(control, {
  pass: [svc('[!Ref PrivateSubnet]')],
  fail: [svc('[!Ref PrivateSubnet, !Ref PublicSubnet]')],
  unknown: [
    { name: 'subnet without a route table association', template: svc('[!Ref LonelySubnet]') },
    { name: 'subnet ids from a parameter without default', template: `Parameters:
  Subnets: { Type: 'List<AWS::EC2::Subnet::Id>' }
${svc('!Ref Subnets')}` },
    { name: 'subnet id literal', template: svc('[subnet-0abc]') },
  ],
  not_applicable: [
    `Resources:
  S:
    Type: AWS::ECS::Service
    Properties: { Cluster: c, TaskDefinition: td }`,
  ],
});
