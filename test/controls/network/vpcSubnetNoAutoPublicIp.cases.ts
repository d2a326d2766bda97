import control from '../../../src/controls/network/vpcSubnetNoAutoPublicIp.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Subnet: # <--
    Type: AWS::EC2::Subnet
    Properties: { VpcId: vpc-1, CidrBlock: 10.0.1.0/24 }
`,
    { name: 'parameter default false', template: `Parameters:
  Public: { Type: String, Default: "false" }
Resources:
  Subnet:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: vpc-1, CidrBlock: 10.0.1.0/24, MapPublicIpOnLaunch: !Ref Public } # <--
` },
    tf(`resource "aws_subnet" "private" { # <--
  vpc_id            = "vpc-0a1b2c3d"
  cidr_block        = "10.0.1.0/24"
  availability_zone = "eu-west-1a"
}
`),
    tf(`resource "aws_subnet" "private" {
  vpc_id                  = "vpc-0a1b2c3d"
  cidr_block              = "10.0.1.0/24"
  map_public_ip_on_launch = false # <--
}
`),
  ],
  fail: [
    `Resources:
  Subnet:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: vpc-1, CidrBlock: 10.0.1.0/24, MapPublicIpOnLaunch: true } # <--
`,
    tf(`resource "aws_subnet" "public" {
  vpc_id                  = "vpc-0a1b2c3d"
  cidr_block              = "10.0.0.0/24"
  map_public_ip_on_launch = true # <--
}
`),
  ],
  unknown: [
    { name: 'condition picks true or false', template: `Parameters:
  Env: { Type: String }
Conditions:
  Dev: !Equals [!Ref Env, dev]
Resources:
  Subnet:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: vpc-1, CidrBlock: 10.0.1.0/24, MapPublicIpOnLaunch: !If [Dev, true, false] } # <--
` },
    tf(`variable "public" {
  type = bool
}

resource "aws_subnet" "maybe" {
  vpc_id                  = "vpc-0a1b2c3d"
  cidr_block              = "10.0.2.0/24"
  map_public_ip_on_launch = var.public # <--
}
`, { name: 'from a variable without a value' }),
  ],
});
