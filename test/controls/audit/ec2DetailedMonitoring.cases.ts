import control from '../../../src/controls/audit/ec2DetailedMonitoring.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-005e54dee72cc1d00
      InstanceType: t3.micro
      Monitoring: true # <--
`,
    `Resources:
  Lt:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: ami-005e54dee72cc1d00
        Monitoring:
          Enabled: true # <--
  Web:
    Type: AWS::EC2::Instance
    Properties:
      LaunchTemplate:
        LaunchTemplateId: !Ref Lt
        Version: !GetAtt Lt.LatestVersionNumber
`,
    tf(`resource "aws_instance" "web" {
  ami           = "ami-005e54dee72cc1d00"
  instance_type = "t3.micro"
  monitoring    = true # <--
}
`, { name: 'monitoring = true' }),
    tf(`resource "aws_launch_template" "web" {
  image_id = "ami-005e54dee72cc1d00"

  monitoring {
    enabled = true # <--
  }
}
`, { name: 'launch template monitoring enabled' }),
  ],
  fail: [
    `Resources:
  Web: # <--
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-005e54dee72cc1d00
      InstanceType: t3.micro
`,
    `Resources:
  Lt:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData: # <--
        ImageId: ami-005e54dee72cc1d00
`,
    tf(`resource "aws_instance" "web" {
  ami           = "ami-005e54dee72cc1d00"
  instance_type = "t3.micro"
  monitoring    = false # <--
}
`, { name: 'monitoring = false' }),
    tf(`resource "aws_launch_template" "web" { # <--
  image_id = "ami-005e54dee72cc1d00"
}
`, { name: 'launch template without monitoring' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Detailed: { Type: String }
Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-005e54dee72cc1d00
      Monitoring: !Ref Detailed # <--
` },
    tf(`variable "detailed" {
  type = bool
}

resource "aws_instance" "web" {
  ami        = "ami-005e54dee72cc1d00"
  monitoring = var.detailed # <--
}
`, { name: 'monitoring from a variable without a value' }),
  ],
});
