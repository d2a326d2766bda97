import control from '../../../src/controls/network/vpcFlowLogs.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  Logs:
    Type: AWS::EC2::FlowLog
    Properties:
      ResourceId: !Ref Vpc # <--
      ResourceType: VPC
      TrafficType: ALL
      LogDestinationType: s3
      LogDestination: arn:aws:s3:::flow-logs
`,
    tf(`resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_flow_log" "main" {
  vpc_id               = aws_vpc.main.id # <--
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::acme-flow-logs"
}
`),
  ],
  fail: [
    `Resources:
  Vpc: # <--
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
`,
    { name: 'flow log on another VPC', template: `Resources:
  Vpc: # <--
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  Other:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.1.0.0/16 }
  Logs:
    Type: AWS::EC2::FlowLog
    Properties: { ResourceId: !Ref Other, ResourceType: VPC, TrafficType: ALL }
` },
    tf(`resource "aws_vpc" "main" { # <--
  cidr_block = "10.0.0.0/16"
}
`),
    tf(`resource "aws_vpc" "main" { # <--
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_flow_log" "subnet" {
  subnet_id            = aws_subnet.a.id
  traffic_type         = "REJECT"
  log_destination_type = "cloud-watch-logs"
  log_destination      = "arn:aws:logs:eu-west-1:111122223333:log-group:flow"
  iam_role_arn         = "arn:aws:iam::111122223333:role/flow-logs"
}
`, { name: 'a flow log on one subnet only' }),
  ],
});
