import control from '../../../src/controls/network/lambdaInVpc.js';
import { cases, tf } from '../../helpers/cases.js';

const FN = `  function_name = "orders"
  role          = "arn:aws:iam::111122223333:role/orders"
  runtime       = "python3.13"
  handler       = "app.handler"
  filename      = "build/orders.zip"`;

export default cases(control, {
  pass: [
    `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ZipFile: "x" }
      VpcConfig:
        SubnetIds: [subnet-1, subnet-2] # <--
        SecurityGroupIds: [sg-1]`,
    tf(`resource "aws_lambda_function" "fn" {
${FN}

  vpc_config {
    subnet_ids         = aws_subnet.private[*].id # <--
    security_group_ids = [aws_security_group.fn.id]
  }
}

resource "aws_subnet" "private" {
  count      = 2
  vpc_id     = "vpc-0123456789abcdef0"
  cidr_block = cidrsubnet("10.0.0.0/16", 8, count.index)
}

resource "aws_security_group" "fn" {
  name   = "orders-fn"
  vpc_id = "vpc-0123456789abcdef0"
}
`, { name: 'subnets of the configuration' }),
  ],
  fail: [
    `Resources:
  Fn: # <--
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ZipFile: "x" }`,
    tf(`resource "aws_lambda_function" "fn" { # <--
${FN}
}
`, { name: 'no vpc_config' }),
    tf(`resource "aws_lambda_function" "fn" {
${FN}

  vpc_config {
    subnet_ids         = [] # <--
    security_group_ids = []
  }
}
`, { name: 'empty subnet list (how the provider detaches a function from its VPC)' }),
  ],
  unknown: [
    `Parameters:
  Subnets: { Type: "List<AWS::EC2::Subnet::Id>" }
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ZipFile: "x" }
      VpcConfig:
        SubnetIds: !Ref Subnets # <--`,
    tf(`variable "subnet_ids" {
  type = list(string)
}

resource "aws_lambda_function" "fn" {
${FN}

  vpc_config {
    subnet_ids         = var.subnet_ids # <--
    security_group_ids = ["sg-0123456789abcdef0"]
  }
}
`, { name: 'subnets from a variable without a value' }),
  ],
});
