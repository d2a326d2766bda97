import control from '../../../src/controls/data-protection/fsxCmk.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::FSx::FileSystem
    Properties:
      FileSystemType: WINDOWS
      StorageCapacity: 32
      SubnetIds: [subnet-1]
      KmsKeyId: arn:aws:kms:eu-west-1:111122223333:key/abc # <--
      WindowsConfiguration:
        ThroughputCapacity: 8
        ActiveDirectoryId: d-1234567890
`,
    tf(`resource "aws_kms_key" "fsx" {}

resource "aws_fsx_windows_file_system" "shares" {
  storage_capacity    = 32
  subnet_ids          = ["subnet-1"]
  throughput_capacity = 8
  active_directory_id = "d-1234567890"
  kms_key_id          = aws_kms_key.fsx.arn # <--
}
`, { name: 'Windows with a key' }),
    tf(`resource "aws_fsx_lustre_file_system" "scratch" {
  storage_capacity = 1200
  subnet_ids       = ["subnet-1"]
  deployment_type  = "PERSISTENT_2"
  per_unit_storage_throughput = 125
  kms_key_id       = "arn:aws:kms:eu-west-1:111122223333:key/abc" # <--
}
`, { name: 'persistent Lustre with a key' }),
  ],
  fail: [
    { name: 'Windows without a key', template: `Resources:
  R: # <--
    Type: AWS::FSx::FileSystem
    Properties:
      FileSystemType: WINDOWS
      StorageCapacity: 32
      SubnetIds: [subnet-1]
      WindowsConfiguration:
        ThroughputCapacity: 8
        ActiveDirectoryId: d-1234567890
` },
    { name: 'persistent Lustre without a key', template: `Resources:
  R: # <--
    Type: AWS::FSx::FileSystem
    Properties:
      FileSystemType: LUSTRE
      StorageCapacity: 1200
      SubnetIds: [subnet-1]
      LustreConfiguration:
        DeploymentType: PERSISTENT_2
        PerUnitStorageThroughput: 125
` },
    tf(`resource "aws_fsx_ontap_file_system" "nas" { # <--
  storage_capacity    = 1024
  subnet_ids          = ["subnet-1"]
  deployment_type     = "SINGLE_AZ_1"
  throughput_capacity = 128
  preferred_subnet_id = "subnet-1"
}
`, { name: 'ONTAP without a key' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Key: { Type: String }
Resources:
  R:
    Type: AWS::FSx::FileSystem
    Properties:
      FileSystemType: WINDOWS
      StorageCapacity: 32
      SubnetIds: [subnet-1]
      KmsKeyId: !Ref Key # <--
      WindowsConfiguration:
        ThroughputCapacity: 8
        ActiveDirectoryId: d-1234567890
` },
    tf(`variable "key" {
  type = string
}

resource "aws_fsx_windows_file_system" "shares" {
  storage_capacity    = 32
  subnet_ids          = ["subnet-1"]
  throughput_capacity = 8
  kms_key_id          = var.key # <--
}
`, { name: 'from a variable' }),
  ],
  not_applicable: [
    { name: 'Lustre, default scratch deployment', template: `Resources:
  R:
    Type: AWS::FSx::FileSystem
    Properties:
      FileSystemType: LUSTRE
      StorageCapacity: 1200
      SubnetIds: [subnet-1]
` },
    tf(`resource "aws_fsx_lustre_file_system" "scratch" {
  storage_capacity = 1200
  subnet_ids       = ["subnet-1"]
  deployment_type  = "SCRATCH_2"
}
`, { name: 'Lustre scratch' }),
  ],
});
