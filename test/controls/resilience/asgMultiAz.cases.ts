import control from '../../../src/controls/resilience/asgMultiAz.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '1'
      MaxSize: '3'
      VPCZoneIdentifier: [subnet-aaa, subnet-bbb] # <--
`,
    `Resources:
  B:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '1'
      MaxSize: '3'
      VPCZoneIdentifier: [!Ref S1, !Ref S2] # <--
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  S1:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: eu-west-1a }
  S2:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24, AvailabilityZone: eu-west-1b }
`,
    { name: "subnet list parameter default", template: `Parameters:
  Subnets: { Type: 'List<AWS::EC2::Subnet::Id>', Default: 'subnet-a,subnet-b' }
Resources:
  B:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '1'
      MaxSize: '3'
      VPCZoneIdentifier: !Ref Subnets # <--
` },
    `Resources:
  B:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '1'
      MaxSize: '3'
      AvailabilityZones: [eu-west-1a, eu-west-1b] # <--
`,
    tf(`resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_subnet" "b" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.2.0/24"
  availability_zone = "eu-west-1b"
}

resource "aws_autoscaling_group" "web" {
  name                = "web"
  min_size            = 2
  max_size            = 6
  vpc_zone_identifier = [aws_subnet.a.id, aws_subnet.b.id] # <--

  launch_template {
    id      = "lt-0123456789abcdef0"
    version = "$Latest"
  }
}
`),
    tf(`resource "aws_autoscaling_group" "web" {
  name                = "web"
  min_size            = 2
  max_size            = 6
  availability_zones  = ["eu-west-1a", "eu-west-1b", "eu-west-1c"] # <--

  launch_template {
    id      = "lt-0123456789abcdef0"
    version = "$Latest"
  }
}
`, { name: 'availability zones' }),
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '1'
      MaxSize: '3'
      VPCZoneIdentifier: [subnet-aaa] # <--
`,
    { name: "two subnets in one zone", template: `Resources:
  B:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '1'
      MaxSize: '3'
      VPCZoneIdentifier: [!Ref S1, !Ref S2] # <--
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  S1:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: eu-west-1a }
  S2:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24, AvailabilityZone: eu-west-1a }
` },
    tf(`resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_subnet" "b" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.2.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_autoscaling_group" "web" {
  name                = "web"
  min_size            = 2
  max_size            = 6
  vpc_zone_identifier = [aws_subnet.a.id, aws_subnet.b.id] # <--

  launch_template {
    id      = "lt-0123456789abcdef0"
    version = "$Latest"
  }
}
`, { name: 'two subnets in one zone' }),
    tf(`resource "aws_autoscaling_group" "web" {
  name                = "web"
  min_size            = 2
  max_size            = 6
  vpc_zone_identifier = ["subnet-0a1b2c3d"] # <--

  launch_template {
    id      = "lt-0123456789abcdef0"
    version = "$Latest"
  }
}
`, { name: 'one subnet' }),
  ],
  unknown: [
    { name: "subnet list parameter without default", template: `Parameters:
  Subnets: { Type: 'List<AWS::EC2::Subnet::Id>' }
Resources:
  B:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '1'
      MaxSize: '3'
      VPCZoneIdentifier: !Ref Subnets # <--
` },
    tf(`variable "private_subnet_ids" {
  type = list(string)
}

resource "aws_autoscaling_group" "web" {
  name                = "web"
  min_size            = 2
  max_size            = 6
  vpc_zone_identifier = var.private_subnet_ids # <--

  launch_template {
    id      = "lt-0123456789abcdef0"
    version = "$Latest"
  }
}
`, { name: 'subnets from a variable without a value' }),
  ],
});
