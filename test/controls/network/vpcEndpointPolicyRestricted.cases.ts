import control from '../../../src/controls/network/vpcEndpointPolicyRestricted.js';
import { cases, tf } from '../../helpers/cases.js';

const endpoint = (policy: string, extra = '') => `${extra}Resources:
  S3Endpoint:
    Type: AWS::EC2::VPCEndpoint
    Properties:
      VpcId: vpc-0123456789abcdef0
      ServiceName: !Sub com.amazonaws.\${AWS::Region}.s3
      RouteTableIds: [rtb-0123456789abcdef0]
${policy}`;

export default cases(control, {
  pass: [
    { name: 'full access limited to the organisation', template: endpoint(`      PolicyDocument: # <--
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: "*"
            Resource: "*"
            Condition:
              StringEquals:
                aws:PrincipalOrgID: o-exampleorgid
`) },
    { name: 'named actions on named buckets', template: endpoint(`      PolicyDocument: # <--
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: [s3:GetObject, s3:PutObject]
            Resource: arn:aws:s3:::app-artifacts/*
`) },
    tf(`resource "aws_vpc_endpoint" "s3" {
  vpc_id            = "vpc-0a1b2c3d"
  service_name      = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = ["rtb-0a1b2c3d"]

  policy = jsonencode({ # <--
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "*"
      Resource  = "*"
      Condition = {
        StringEquals = { "aws:PrincipalOrgID" = "o-exampleorgid" }
      }
    }]
  })
}
`, { name: 'full access limited to the organisation' }),
    tf(`resource "aws_vpc_endpoint" "s3" {
  vpc_id       = "vpc-0a1b2c3d"
  service_name = "com.amazonaws.eu-west-1.s3"
}

resource "aws_vpc_endpoint_policy" "s3" {
  vpc_endpoint_id = aws_vpc_endpoint.s3.id
  policy = jsonencode({ # <--
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = ["s3:GetObject", "s3:PutObject"]
      Resource  = "arn:aws:s3:::app-artifacts/*"
    }]
  })
}
`, { name: 'named actions set by aws_vpc_endpoint_policy' }),
  ],
  fail: [
    { name: 'no policy: the default allows everything', template: endpoint('').replace('  S3Endpoint:\n', '  S3Endpoint: # <--\n') },
    { name: 'explicit full access to anyone', template: endpoint(`      PolicyDocument:
        Statement:
          - Effect: Allow # <--
            Action: "*"
            Principal: "*"
            Resource: "*"
`) },
    { name: 'every action of the service, written as a JSON string', template: endpoint(`      PolicyDocument: '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:*","Resource":"*"}]}' # <--
`) },
    tf(`resource "aws_vpc_endpoint" "s3" { # <--
  vpc_id          = "vpc-0a1b2c3d"
  service_name    = "com.amazonaws.eu-west-1.s3"
  route_table_ids = ["rtb-0a1b2c3d"]
}
`, { name: 'no policy: the default allows everything' }),
    tf(`resource "aws_vpc_endpoint" "dynamodb" {
  vpc_id       = "vpc-0a1b2c3d"
  service_name = "com.amazonaws.eu-west-1.dynamodb"
}

resource "aws_vpc_endpoint_policy" "dynamodb" {
  vpc_endpoint_id = aws_vpc_endpoint.dynamodb.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ # <--
      Sid       = "AllowAll"
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = ["dynamodb:*"]
      Resource  = "*"
    }]
  })
}
`, { name: 'every DynamoDB action to anyone, through aws_vpc_endpoint_policy' }),
    tf(`locals {
  endpoint_policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = "*", Action = "*", Resource = "*" }] # <--
  })
}

resource "aws_vpc_endpoint" "ecr" {
  vpc_id              = "vpc-0a1b2c3d"
  service_name        = "com.amazonaws.eu-west-1.ecr.api"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  policy              = local.endpoint_policy
}
`, { name: 'full access from a local value' }),
  ],
  unknown: [
    { name: 'policy from a parameter', template: endpoint(`      PolicyDocument: !Ref Policy # <--
`, 'Parameters:\n  Policy: { Type: String }\n') },
    tf(`variable "endpoint_policy" {
  type = string
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id       = "vpc-0a1b2c3d"
  service_name = "com.amazonaws.eu-west-1.s3"
  policy       = var.endpoint_policy # <--
}
`, { name: 'policy from a variable without a value' }),
    { name: 'any principal, actions from a parameter', template: endpoint(`      PolicyDocument:
        Statement:
          - Effect: Allow # <--
            Principal: "*"
            Action: !Ref Actions
            Resource: "*"
`, 'Parameters:\n  Actions: { Type: CommaDelimitedList }\n') },
    tf(`variable "reader" {
  type = string
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id       = "vpc-0a1b2c3d"
  service_name = "com.amazonaws.eu-west-1.s3"
  policy = jsonencode({ # <--
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = var.reader, Action = "*", Resource = "*" }] # <--
  })
}
`, { name: 'every action, the principal from a variable without a value' }),
  ],
  not_applicable: [
    endpoint('      VpcEndpointType: GatewayLoadBalancer\n'),
    tf(`resource "aws_vpc_endpoint" "inspection" {
  vpc_id            = "vpc-0a1b2c3d"
  service_name      = "com.amazonaws.vpce.eu-west-1.vpce-svc-0a1b2c3d4e5f67890"
  vpc_endpoint_type = "GatewayLoadBalancer"
  subnet_ids        = ["subnet-0a1b2c3d"]
}
`),
  ],
});
