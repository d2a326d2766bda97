import control from '../../../src/controls/resilience/fsxAutomaticBackups.js';
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
      WindowsConfiguration:
        ThroughputCapacity: 8
        ActiveDirectoryId: d-1234567890
        AutomaticBackupRetentionDays: 14 # <--
`,
    tf(`resource "aws_fsx_windows_file_system" "shares" {
  storage_capacity    = 32
  subnet_ids          = ["subnet-1"]
  throughput_capacity = 8
  active_directory_id = "d-1234567890"
  automatic_backup_retention_days = 7 # <--
}
`, { name: 'Windows 7 days' }),
  ],
  fail: [
    `Resources:
  R:
    Type: AWS::FSx::FileSystem
    Properties:
      FileSystemType: WINDOWS
      StorageCapacity: 32
      SubnetIds: [subnet-1]
      WindowsConfiguration:
        ThroughputCapacity: 8
        ActiveDirectoryId: d-1234567890
        AutomaticBackupRetentionDays: 0 # <--
`,
    tf(`resource "aws_fsx_openzfs_file_system" "data" {
  storage_capacity    = 64
  subnet_ids          = ["subnet-1"]
  deployment_type     = "SINGLE_AZ_1"
  throughput_capacity = 64
  automatic_backup_retention_days = 0 # <--
}
`, { name: 'OpenZFS backups off' }),
  ],
  unknown: [
    { name: 'left out', template: `Resources:
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
    tf(`resource "aws_fsx_windows_file_system" "shares" { # <--
  storage_capacity    = 32
  subnet_ids          = ["subnet-1"]
  throughput_capacity = 8
  active_directory_id = "d-1234567890"
}
`, { name: 'left out' }),
  ],
  not_applicable: [
    tf(`resource "aws_fsx_lustre_file_system" "scratch" {
  storage_capacity = 1200
  subnet_ids       = ["subnet-1"]
}
`, { name: 'Lustre, default scratch deployment' }),
  ],
});
