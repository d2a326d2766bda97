import control from '../../../src/controls/network/vpcFlowLogs.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  Logs:
    Type: AWS::EC2::FlowLog
    Properties:
      ResourceId: !Ref Vpc
      ResourceType: VPC
      TrafficType: ALL
      LogDestinationType: s3
      LogDestination: arn:aws:s3:::flow-logs`,
  ],
  fail: [
    `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }`,
    { name: 'flow log on another VPC', template: `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  Other:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.1.0.0/16 }
  Logs:
    Type: AWS::EC2::FlowLog
    Properties: { ResourceId: !Ref Other, ResourceType: VPC, TrafficType: ALL }` },
  ],
});
