import control from '../../../src/controls/authorization/efsAccessPointRootDirectory.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  AP:
    Type: AWS::EFS::AccessPoint
    Properties:
      FileSystemId: fs-0123456789abcdef0
      RootDirectory:
        Path: /app # <--
        CreationInfo: { OwnerUid: '1000', OwnerGid: '1000', Permissions: '750' }
`,
    tf(`resource "aws_efs_access_point" "app" {
  file_system_id = "fs-0123456789abcdef0"

  root_directory {
    path = "/app" # <--
    creation_info {
      owner_uid   = 1000
      owner_gid   = 1000
      permissions = "750"
    }
  }
}
`, { name: 'root_directory /app' }),
  ],
  fail: [
    `Resources:
  AP: # <--
    Type: AWS::EFS::AccessPoint
    Properties:
      FileSystemId: fs-0123456789abcdef0
`,
    `Resources:
  AP:
    Type: AWS::EFS::AccessPoint
    Properties:
      FileSystemId: fs-0123456789abcdef0
      RootDirectory:
        Path: / # <--
`,
    tf(`resource "aws_efs_access_point" "app" { # <--
  file_system_id = "fs-0123456789abcdef0"
}
`, { name: 'no root_directory' }),
    tf(`resource "aws_efs_access_point" "app" {
  file_system_id = "fs-0123456789abcdef0"

  root_directory {
    path = "/" # <--
  }
}
`, { name: 'root_directory /' }),
  ],
  unknown: [
    { name: 'path from a parameter', template: `Parameters:
  Dir: { Type: String }
Resources:
  AP:
    Type: AWS::EFS::AccessPoint
    Properties:
      FileSystemId: fs-0123456789abcdef0
      RootDirectory:
        Path: !Ref Dir # <--
` },
  ],
});
