import control from '../../../src/controls/network/ecsPrivateSubnets.js';
import { cases, tf } from '../../helpers/cases.js';

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

const tfNet = `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_internet_gateway" "main" {
  vpc_id = aws_vpc.main.id
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.main.id
  }
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
}

resource "aws_route" "private_nat" {
  route_table_id         = aws_route_table.private.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = "nat-0123456789abcdef0"
}

resource "aws_subnet" "public" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.0.0/24"
}

resource "aws_route_table_association" "public" {
  subnet_id      = aws_subnet.public.id
  route_table_id = aws_route_table.public.id
}

resource "aws_subnet" "private" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_route_table_association" "private" {
  subnet_id      = aws_subnet.private.id
  route_table_id = aws_route_table.private.id
}
`;

const tfSvc = (subnets: string, before = '') => `${before}${tfNet}
resource "aws_ecs_service" "api" {
  name            = "api"
  cluster         = "arn:aws:ecs:eu-west-1:111122223333:cluster/main"
  task_definition = "api:3"
  launch_type     = "FARGATE"

  network_configuration {
    subnets = ${subnets}
  }
}
`;

export default cases(control, {
  pass: [
    `${svc('[!Ref PrivateSubnet] # <--')}\n`,
    tf(tfSvc('[aws_subnet.private.id] # <--')),
  ],
  fail: [
    `${svc(`
            - !Ref PrivateSubnet
            - !Ref PublicSubnet # <--`)}\n`,
    tf(tfSvc(`[
      aws_subnet.private.id,
      aws_subnet.public.id, # <--
    ]`), { name: 'one subnet routes to an internet gateway' }),
  ],
  unknown: [
    { name: 'subnet without a route table association', template: `${svc('[!Ref LonelySubnet] # <--')}\n` },
    { name: 'subnet ids from a parameter without default', template: `Parameters:
  Subnets: { Type: 'List<AWS::EC2::Subnet::Id>' }
${svc('!Ref Subnets # <--')}\n` },
    { name: 'subnet id literal', template: `${svc('[subnet-0abc] # <--')}\n` },
    tf(tfSvc('["subnet-0123456789abcdef0"] # <--'), { name: 'subnet outside the configuration' }),
    tf(tfSvc('var.subnet_ids # <--', 'variable "subnet_ids" {\n  type = list(string)\n}\n\n'), { name: 'subnets from a variable without a value' }),
  ],
  not_applicable: [
    `Resources:
  S:
    Type: AWS::ECS::Service
    Properties: { Cluster: c, TaskDefinition: td }`,
  ],
});
