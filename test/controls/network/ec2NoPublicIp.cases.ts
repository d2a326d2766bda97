import control from '../../../src/controls/network/ec2NoPublicIp.js';
import { cases } from '../../helpers/cases.js';

const subnet = (map: string) => `  Subnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: vpc-0123456789abcdef0
      CidrBlock: 10.0.1.0/24
${map}`;

export default cases(control, {
  pass: [
    { name: 'interface without a public address', template: `Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
      NetworkInterfaces:
        - DeviceIndex: "0"
          SubnetId: subnet-0123456789abcdef0
          AssociatePublicIpAddress: false # <--
` },
    { name: 'private subnet of the template', template: `Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
      SubnetId: !Ref Subnet # <--
${subnet('')}` },
  ],
  fail: [
    { name: 'interface asks for a public address', template: `Resources:
  LT:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        NetworkInterfaces:
          - DeviceIndex: 0
            AssociatePublicIpAddress: true # <--
` },
    { name: 'subnet assigns public addresses', template: `Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
      SubnetId: !Ref Subnet
${subnet('      MapPublicIpOnLaunch: true # <--\n')}` },
    { name: 'launch configuration (Trivy AVD-AWS-0009 shape)', template: `Resources:
  LC:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: ami-0123456789abcdef0
      InstanceType: t3.micro
      AssociatePublicIpAddress: true # <--
` },
  ],
  unknown: [
    { name: 'no subnet: the default subnet decides', template: `Resources:
  Web: # <--
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
` },
    { name: 'subnet outside the scanned templates', template: `Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
      SubnetId: subnet-0123456789abcdef0 # <--
` },
  ],
  not_applicable: [
    `Resources:
  LT:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: ami-0123456789abcdef0
`,
  ],
});
