import control from '../../../src/controls/network/ec2NoPublicIp.js';
import { cases, tf } from '../../helpers/cases.js';

const subnet = (map: string) => `  Subnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: vpc-0123456789abcdef0
      CidrBlock: 10.0.1.0/24
${map}`;

const tfSubnet = (map: string) => `
resource "aws_subnet" "app" {
  vpc_id     = "vpc-0a1b2c3d"
  cidr_block = "10.0.1.0/24"
${map}}
`;

const tfInstance = (args: string, mark = '') => `resource "aws_instance" "web" {${mark}
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
${args}}
`;

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
    tf(tfInstance(`  subnet_id                   = "subnet-0a1b2c3d"
  associate_public_ip_address = false # <--
`), { name: 'instance asks for no public address' }),
    tf(`${tfInstance('  subnet_id     = aws_subnet.app.id # <--\n')}${tfSubnet('')}`, { name: 'private subnet of the configuration' }),
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
    tf(tfInstance(`  subnet_id                   = aws_subnet.app.id
  associate_public_ip_address = true # <--
`) + tfSubnet(''), { name: 'instance asks for a public address in a private subnet' }),
    tf(`${tfInstance('  subnet_id     = aws_subnet.app.id\n')}${tfSubnet('  map_public_ip_on_launch = true # <--\n')}`, { name: 'subnet assigns public addresses' }),
    tf(`resource "aws_launch_template" "web" {
  name_prefix   = "web-"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  network_interfaces {
    device_index                = 0
    associate_public_ip_address = true # <--
    security_groups             = ["sg-0123456789abcdef0"]
  }
}
`, { name: 'launch template interface asks for a public address' }),
    tf(`resource "aws_launch_configuration" "web" {
  name_prefix                 = "web-"
  image_id                    = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  associate_public_ip_address = true # <--
}
`, { name: 'launch configuration' }),
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
    tf(tfInstance('', ' # <--'), { name: 'no subnet: the default subnet decides' }),
    tf(tfInstance('  subnet_id     = "subnet-0123456789abcdef0" # <--\n'), { name: 'subnet outside the configuration' }),
    tf(`variable "public_ip" {
  type = bool
}

${tfInstance(`  subnet_id                   = "subnet-0123456789abcdef0"
  associate_public_ip_address = var.public_ip # <--
`)}`, { name: 'from a variable without a value' }),
  ],
  not_applicable: [
    `Resources:
  LT:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: ami-0123456789abcdef0
`,
    tf(`resource "aws_launch_template" "web" {
  name_prefix   = "web-"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}
`),
  ],
});
