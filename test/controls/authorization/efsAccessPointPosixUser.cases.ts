import control from '../../../src/controls/authorization/efsAccessPointPosixUser.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  AP:
    Type: AWS::EFS::AccessPoint
    Properties:
      FileSystemId: fs-0123456789abcdef0
      PosixUser:
        Uid: '1000' # <--
        Gid: '1000'
`,
    tf(`resource "aws_efs_access_point" "app" {
  file_system_id = "fs-0123456789abcdef0"

  posix_user {
    uid = 1000 # <--
    gid = 1000
  }
}
`, { name: 'posix_user set' }),
  ],
  fail: [
    `Resources:
  AP: # <--
    Type: AWS::EFS::AccessPoint
    Properties:
      FileSystemId: fs-0123456789abcdef0
`,
    tf(`resource "aws_efs_access_point" "app" { # <--
  file_system_id = "fs-0123456789abcdef0"
}
`, { name: 'no posix_user' }),
  ],
  unknown: [
    { name: 'uid from a parameter', template: `Parameters:
  Uid: { Type: String }
Resources:
  AP:
    Type: AWS::EFS::AccessPoint
    Properties:
      FileSystemId: fs-0123456789abcdef0
      PosixUser:
        Uid: !Ref Uid # <--
        Gid: '1000'
` },
    tf(`variable "uid" {
  type = number
}

resource "aws_efs_access_point" "app" {
  file_system_id = "fs-0123456789abcdef0"

  posix_user {
    uid = var.uid # <--
    gid = 1000
  }
}
`, { name: 'uid from a variable' }),
  ],
});
