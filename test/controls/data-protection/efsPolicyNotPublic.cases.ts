import control from '../../../src/controls/data-protection/efsPolicyNotPublic.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  FS:
    Type: AWS::EFS::FileSystem
    Properties:
      FileSystemPolicy: # <--
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: { AWS: arn:aws:iam::111122223333:role/app }
            Action: [elasticfilesystem:ClientMount, elasticfilesystem:ClientWrite]
`,
    tf(`resource "aws_efs_file_system" "data" {
  encrypted = true
}

resource "aws_efs_file_system_policy" "data" {
  file_system_id = aws_efs_file_system.data.id
  policy = jsonencode({ # <--
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = ["elasticfilesystem:ClientMount"]
      Condition = { StringEquals = { "aws:PrincipalAccount" = "111122223333" } }
    }]
  })
}
`, { name: 'Principal "*" pinned to the account' }),
  ],
  fail: [
    `Resources:
  FS:
    Type: AWS::EFS::FileSystem
    Properties:
      FileSystemPolicy:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow # <--
            Principal: { AWS: '*' }
            Action: [elasticfilesystem:ClientMount, elasticfilesystem:ClientRootAccess]
`,
    tf(`resource "aws_efs_file_system" "data" {
  encrypted = true
}

resource "aws_efs_file_system_policy" "data" {
  file_system_id = aws_efs_file_system.data.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ # <--
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"]
    }]
  })
}
`, { name: 'Principal "*" without condition' }),
  ],
  unknown: [
    { name: 'policy from a parameter', template: `Parameters:
  Policy: { Type: String }
Resources:
  FS:
    Type: AWS::EFS::FileSystem
    Properties:
      FileSystemPolicy: !Ref Policy # <--
` },
  ],
});
