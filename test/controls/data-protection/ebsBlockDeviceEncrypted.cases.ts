import control from '../../../src/controls/data-protection/ebsBlockDeviceEncrypted.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
      BlockDeviceMappings:
        - DeviceName: /dev/xvda
          Ebs: { VolumeSize: 20, Encrypted: true } # <--
        - DeviceName: /dev/sdb
          VirtualName: ephemeral0
`,
    `Resources:
  B:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        BlockDeviceMappings:
          - DeviceName: /dev/xvda
            Ebs:
              Encrypted: 'true' # <--
`,
    { name: "parameter default", template: `Parameters:
  Enc: { Type: String, Default: 'true' }
Resources:
  B:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: ami-12345678
      InstanceType: t3.micro
      BlockDeviceMappings:
        - DeviceName: /dev/xvda
          Ebs: { Encrypted: !Ref Enc } # <--
` },
    tf(`resource "aws_instance" "app" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"

  root_block_device {
    volume_size = 20
    encrypted   = true # <--
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 100
    encrypted   = true # <--
    kms_key_id  = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"
  }
}
`, { name: 'aws_instance root and data volumes encrypted' }),
    tf(`resource "aws_launch_template" "app" {
  name_prefix   = "app-"
  image_id      = "ami-12345678"
  instance_type = "t3.micro"

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 20
      encrypted   = "true" # <--
    }
  }
}
`, { name: 'aws_launch_template ebs block encrypted' }),
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
      BlockDeviceMappings:
        - DeviceName: /dev/xvda
          Ebs: { VolumeSize: 20 } # <--
`,
    `Resources:
  B:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        BlockDeviceMappings:
          - DeviceName: /dev/xvda
            Ebs: { Encrypted: true }
          - DeviceName: /dev/xvdb
            Ebs: { Encrypted: false } # <--
`,
    tf(`resource "aws_instance" "app" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"

  root_block_device { # <--
    volume_size = 20
    volume_type = "gp3"
  }
}
`, { name: 'aws_instance root_block_device without encrypted' }),
    tf(`resource "aws_launch_template" "app" {
  name_prefix = "app-"
  image_id    = "ami-12345678"

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      encrypted = true
    }
  }

  block_device_mappings {
    device_name = "/dev/xvdb"
    ebs {
      volume_size = 200
      encrypted   = false # <--
    }
  }
}
`, { name: 'aws_launch_template: one of two volumes unencrypted' }),
    tf(`resource "aws_launch_configuration" "app" {
  name_prefix   = "app-"
  image_id      = "ami-12345678"
  instance_type = "t3.micro"

  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 100
    encrypted   = false # <--
  }
}
`, { name: 'aws_launch_configuration ebs_block_device unencrypted' }),
  ],
  unknown: [
    `Resources:
  B:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
      BlockDeviceMappings:
        - DeviceName: /dev/xvdb
          Ebs: { SnapshotId: snap-0123456789abcdef0 } # <--
`,
    { name: "Fn::If on an undecidable condition", template: `Parameters:
  Env: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  B:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
      BlockDeviceMappings:
        - DeviceName: /dev/xvda
          Ebs: { Encrypted: !If [IsProd, true, false] } # <--
` },
    tf(`variable "encrypt_root" {
  type = bool
}

resource "aws_instance" "app" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"

  root_block_device {
    encrypted = var.encrypt_root # <--
  }
}
`, { name: 'root volume encryption from a variable without a value' }),
    tf(`resource "aws_instance" "restore" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"

  ebs_block_device { # <--
    device_name = "/dev/sdf"
    snapshot_id = "snap-0123456789abcdef0"
  }
}
`, { name: 'volume restored from a snapshot without encrypted' }),
  ],
  not_applicable: [
    `Resources:
  B:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
      InstanceType: t3.micro
`,
    tf(`resource "aws_instance" "app" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
}
`, { name: 'aws_instance without block device blocks' }),
  ],
});
