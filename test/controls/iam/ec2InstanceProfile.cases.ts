import control from '../../../src/controls/iam/ec2InstanceProfile.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Profile:
    Type: AWS::IAM::InstanceProfile
    Properties:
      Roles: [web-role]
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-005e54dee72cc1d00
      IamInstanceProfile: !Ref Profile # <--
`,
    `Resources:
  Lt:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: ami-005e54dee72cc1d00
        IamInstanceProfile: # <--
          Name: web-profile
`,
    tf(`resource "aws_instance" "web" {
  ami                  = "ami-005e54dee72cc1d00"
  instance_type        = "t3.micro"
  iam_instance_profile = "web-profile" # <--
}
`, { name: 'iam_instance_profile set' }),
    tf(`resource "aws_launch_template" "web" {
  image_id = "ami-005e54dee72cc1d00"

  iam_instance_profile {
    name = "web-profile" # <--
  }
}
`, { name: 'launch template with a profile' }),
  ],
  fail: [
    `Resources:
  Web: # <--
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-005e54dee72cc1d00
`,
    tf(`resource "aws_instance" "web" { # <--
  ami           = "ami-005e54dee72cc1d00"
  instance_type = "t3.micro"
}
`, { name: 'no iam_instance_profile' }),
    tf(`resource "aws_launch_template" "web" { # <--
  image_id = "ami-005e54dee72cc1d00"
}
`, { name: 'launch template without a profile' }),
  ],
  unknown: [
    tf(`resource "aws_instance" "web" {
  ami = "ami-005e54dee72cc1d00"

  launch_template { # <--
    name = "shared-web"
  }
}
`, { name: 'launch template not in the configuration' }),
  ],
});
