import control from '../../../src/controls/data-protection/ebsBlockDeviceEncrypted.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
      BlockDeviceMappings:
        - DeviceName: /dev/xvda
          Ebs: { VolumeSize: 20, Encrypted: true }
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
              Encrypted: 'true'
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
          Ebs: { Encrypted: !Ref Enc }
` },
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
      BlockDeviceMappings:
        - DeviceName: /dev/xvda
          Ebs: { VolumeSize: 20 }
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
            Ebs: { Encrypted: false }
`,
  ],
  unknown: [
    `Resources:
  B:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
      BlockDeviceMappings:
        - DeviceName: /dev/xvdb
          Ebs: { SnapshotId: snap-0123456789abcdef0 }
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
          Ebs: { Encrypted: !If [IsProd, true, false] }
` },
  ],
  not_applicable: [
    `Resources:
  B:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
      InstanceType: t3.micro
`,
  ],
});
