import control from '../../../src/controls/resilience/lambdaMultiAz.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  A:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: vpc-1, CidrBlock: 10.0.1.0/24, AvailabilityZone: eu-west-1a }
  B:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: vpc-1, CidrBlock: 10.0.2.0/24, AvailabilityZone: eu-west-1b }
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { S3Bucket: builds, S3Key: fn.zip }
      VpcConfig:
        SecurityGroupIds: [sg-1]
        SubnetIds: [!Ref A, !Ref B] # <--
`,
    tf(`resource "aws_subnet" "a" {
  vpc_id            = "vpc-1"
  cidr_block        = "10.0.1.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_subnet" "b" {
  vpc_id            = "vpc-1"
  cidr_block        = "10.0.2.0/24"
  availability_zone = "eu-west-1b"
}

resource "aws_lambda_function" "fn" {
  function_name = "fn"
  runtime       = "python3.12"
  handler       = "app.handler"
  role          = "arn:aws:iam::111122223333:role/fn"
  filename      = "fn.zip"

  vpc_config {
    subnet_ids         = [aws_subnet.a.id, aws_subnet.b.id] # <--
    security_group_ids = ["sg-1"]
  }
}
`, { name: 'subnets in two zones' }),
  ],
  fail: [
    `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { S3Bucket: builds, S3Key: fn.zip }
      VpcConfig:
        SecurityGroupIds: [sg-1]
        SubnetIds: [subnet-1] # <--
`,
    tf(`resource "aws_subnet" "a" {
  vpc_id            = "vpc-1"
  cidr_block        = "10.0.1.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_subnet" "b" {
  vpc_id            = "vpc-1"
  cidr_block        = "10.0.2.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_lambda_function" "fn" {
  function_name = "fn"
  runtime       = "python3.12"
  handler       = "app.handler"
  role          = "arn:aws:iam::111122223333:role/fn"
  filename      = "fn.zip"

  vpc_config {
    subnet_ids         = [aws_subnet.a.id, aws_subnet.b.id] # <--
    security_group_ids = ["sg-1"]
  }
}
`, { name: 'two subnets in the same zone' }),
  ],
  unknown: [
    tf(`resource "aws_lambda_function" "fn" {
  function_name = "fn"
  runtime       = "python3.12"
  handler       = "app.handler"
  role          = "arn:aws:iam::111122223333:role/fn"
  filename      = "fn.zip"

  vpc_config {
    subnet_ids         = ["subnet-1", "subnet-2"] # <--
    security_group_ids = ["sg-1"]
  }
}
`, { name: 'subnets not declared' }),
  ],
  not_applicable: [
    tf(`resource "aws_lambda_function" "fn" {
  function_name = "fn"
  runtime       = "python3.12"
  handler       = "app.handler"
  role          = "arn:aws:iam::111122223333:role/fn"
  filename      = "fn.zip"
}
`, { name: 'not in a VPC' }),
  ],
});
