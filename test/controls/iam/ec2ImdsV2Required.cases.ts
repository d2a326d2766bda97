import control from '../../../src/controls/iam/ec2ImdsV2Required.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    { name: 'launch template requires tokens', template: `Resources:
  LT:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: ami-0123456789abcdef0
        MetadataOptions:
          HttpTokens: required # <--
          HttpEndpoint: enabled
` },
    { name: 'instance takes the setting from a launch template named by a literal name', template: `Resources:
  LT:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateName: web
      LaunchTemplateData:
        MetadataOptions:
          HttpTokens: required # <--
  Web:
    Type: AWS::EC2::Instance
    Properties:
      LaunchTemplate:
        LaunchTemplateName: web
        Version: "1"
` },
    { name: 'instance follows !Ref to its launch template', template: `Resources:
  LT:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        MetadataOptions:
          HttpTokens: required # <--
  Web:
    Type: AWS::EC2::Instance
    Properties:
      LaunchTemplate:
        LaunchTemplateId: !Ref LT
        Version: !GetAtt LT.LatestVersionNumber
` },
    { name: 'instance sets its own metadata options', template: `Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
      MetadataOptions:
        HttpTokens: required # <--
` },
    { name: 'launch configuration', template: `Resources:
  LC:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: ami-0123456789abcdef0
      InstanceType: t3.micro
      MetadataOptions:
        HttpTokens: required # <--
` },
    { name: 'metadata endpoint disabled', template: `Resources:
  LT:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        MetadataOptions:
          HttpEndpoint: disabled # <--
` },
    tf(`resource "aws_instance" "web" {
  ami           = "ami-005e54dee72cc1d00"
  instance_type = "t3.micro"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required" # <--
  }
}
`, { name: 'instance requires tokens' }),
    tf(`resource "aws_launch_template" "web" {
  name_prefix   = "web-"
  image_id      = "ami-005e54dee72cc1d00"
  instance_type = "t3.micro"

  metadata_options {
    http_tokens                 = "required" # <--
    http_put_response_hop_limit = 1
    instance_metadata_tags      = "enabled"
  }
}

resource "aws_autoscaling_group" "web" {
  min_size            = 1
  max_size            = 3
  vpc_zone_identifier = ["subnet-0123456789abcdef0"]

  launch_template {
    id      = aws_launch_template.web.id
    version = "$Latest"
  }
}
`, { name: 'launch template of an Auto Scaling group' }),
    tf(`resource "aws_launch_template" "web" {
  name     = "web"
  image_id = "ami-005e54dee72cc1d00"

  metadata_options {
    http_tokens = "required" # <--
  }
}

resource "aws_instance" "web" {
  launch_template {
    id      = aws_launch_template.web.id
    version = "$Latest"
  }
}
`, { name: 'instance takes the setting from its launch_template' }),
    tf(`resource "aws_launch_configuration" "web" {
  name_prefix   = "web-"
  image_id      = "ami-005e54dee72cc1d00"
  instance_type = "t3.micro"

  metadata_options {
    http_endpoint = "disabled" # <--
  }
}
`, { name: 'launch configuration with the endpoint disabled' }),
  ],
  fail: [
    { name: 'tokens optional', template: `Resources:
  LT:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        MetadataOptions:
          HttpTokens: optional # <--
` },
    { name: 'launch template without metadata options: the block that lacks them', template: `Resources:
  LT:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateName: web
      LaunchTemplateData: # <--
        ImageId: ami-0123456789abcdef0
        InstanceType: t3.micro
` },
    { name: 'instance without metadata options or launch template', template: `Resources:
  Web: # <--
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
      InstanceType: t3.micro
` },
    { name: 'instance through a launch template that leaves tokens optional', template: `Resources:
  LT:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        MetadataOptions:
          HttpTokens: optional # <--
  Web:
    Type: AWS::EC2::Instance
    Properties:
      LaunchTemplate:
        LaunchTemplateId: !Ref LT
        Version: "1"
` },
    { name: 'launch configuration, tokens optional', template: `Resources:
  LC:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: ami-0123456789abcdef0
      InstanceType: t3.micro
      MetadataOptions:
        HttpEndpoint: enabled
        HttpTokens: optional # <--
` },
    tf(`resource "aws_instance" "web" { # <--
  ami           = "ami-005e54dee72cc1d00"
  instance_type = "t2.micro"
}
`, { name: 'instance without metadata_options' }),
    tf(`resource "aws_launch_template" "web" { # <--
  image_id      = "ami-005e54dee72cc1d00"
  instance_type = "t2.micro"
}
`, { name: 'launch template without metadata_options' }),
    tf(`resource "aws_launch_configuration" "web" {
  image_id      = "ami-005e54dee72cc1d00"
  instance_type = "t2.micro"

  metadata_options {
    http_tokens = "optional" # <--
  }
}
`, { name: 'launch configuration, tokens optional' }),
    tf(`resource "aws_instance" "web" {
  ami           = "ami-005e54dee72cc1d00"
  instance_type = "t3.micro"

  metadata_options { # <--
    http_endpoint               = "enabled"
    http_put_response_hop_limit = 1
  }
}
`, { name: 'metadata_options that leaves http_tokens out: the block' }),
    tf(`resource "aws_launch_template" "web" {
  name     = "web"
  image_id = "ami-005e54dee72cc1d00"

  metadata_options {
    http_tokens = "optional" # <--
  }
}

resource "aws_instance" "web" {
  instance_type = "t3.micro"

  launch_template {
    name = "web"
  }
}
`, { name: 'instance through a launch template named by a literal' }),
  ],
  unknown: [
    { name: 'tokens from a parameter without default', template: `Parameters:
  Tokens: { Type: String }
Resources:
  LT:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        MetadataOptions:
          HttpTokens: !Ref Tokens # <--
` },
    { name: 'launch template not in the scanned templates', template: `Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      LaunchTemplate: # <--
        LaunchTemplateId: lt-0123456789abcdef0
        Version: "3"
` },
    tf(`variable "http_tokens" {
  type = string
}

resource "aws_launch_template" "web" {
  image_id = "ami-005e54dee72cc1d00"

  metadata_options {
    http_tokens = var.http_tokens # <--
  }
}
`, { name: 'tokens from a variable without a value' }),
    tf(`resource "aws_instance" "web" {
  launch_template { # <--
    id      = "lt-0123456789abcdef0"
    version = "3"
  }
}
`, { name: 'launch template not in the configuration' }),
  ],
});
