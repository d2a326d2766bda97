import control from '../../../src/controls/iam/ec2ImdsHopLimit.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    { name: 'hop limit 1', template: `Resources:
  LT:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        MetadataOptions:
          HttpTokens: required
          HttpPutResponseHopLimit: 1 # <--
` },
    { name: 'not set: the default is 1', template: `Resources:
  LC: # <--
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: ami-0123456789abcdef0
      InstanceType: t3.micro
` },
    tf(`resource "aws_launch_template" "web" {
  image_id = "ami-005e54dee72cc1d00"

  metadata_options {
    http_tokens                 = "required"
    http_put_response_hop_limit = 1 # <--
  }
}
`, { name: 'hop limit 1' }),
    tf(`resource "aws_instance" "web" { # <--
  ami           = "ami-005e54dee72cc1d00"
  instance_type = "t3.micro"
}
`, { name: 'not set: the default is 1' }),
  ],
  fail: [
    { name: 'hop limit 2 in a launch template', template: `Resources:
  LT:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        MetadataOptions:
          HttpTokens: required
          HttpPutResponseHopLimit: 2 # <--
` },
    { name: 'instance inherits a raised hop limit from its launch template', template: `Resources:
  LT:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        MetadataOptions:
          HttpPutResponseHopLimit: 3 # <--
  Web:
    Type: AWS::EC2::Instance
    Properties:
      LaunchTemplate:
        LaunchTemplateId: !Ref LT
        Version: "1"
` },
    tf(`resource "aws_launch_template" "nodes" {
  image_id = "ami-005e54dee72cc1d00"

  metadata_options {
    http_tokens                 = "required"
    http_put_response_hop_limit = 2 # <--
  }
}
`, { name: 'hop limit 2 in a launch template' }),
    tf(`resource "aws_launch_template" "nodes" {
  image_id = "ami-005e54dee72cc1d00"

  metadata_options {
    http_put_response_hop_limit = 3 # <--
  }
}

resource "aws_instance" "web" {
  launch_template {
    id      = aws_launch_template.nodes.id
    version = aws_launch_template.nodes.latest_version
  }
}
`, { name: 'instance inherits a raised hop limit from its launch_template' }),
  ],
  unknown: [
    { name: 'hop limit from a parameter without default', template: `Parameters:
  Hops: { Type: Number }
Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      MetadataOptions:
        HttpPutResponseHopLimit: !Ref Hops # <--
` },
    tf(`variable "hop_limit" {
  type = number
}

resource "aws_instance" "web" {
  ami           = "ami-005e54dee72cc1d00"
  instance_type = "t3.micro"

  metadata_options {
    http_tokens                 = "required"
    http_put_response_hop_limit = var.hop_limit # <--
  }
}
`, { name: 'hop limit from a variable without a value' }),
  ],
});
