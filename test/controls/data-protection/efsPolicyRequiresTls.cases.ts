import control from '../../../src/controls/data-protection/efsPolicyRequiresTls.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  FS:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: true
      FileSystemPolicy:
        Version: '2012-10-17'
        Statement:
          - Effect: Deny # <--
            Principal: { AWS: '*' }
            Action: '*'
            Condition:
              Bool: { 'aws:SecureTransport': 'false' }
`,
    tf(`resource "aws_efs_file_system" "data" {
  encrypted = true
}

resource "aws_efs_file_system_policy" "data" {
  file_system_id = aws_efs_file_system.data.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ # <--
      Effect    = "Deny"
      Principal = { AWS = "*" }
      Action    = "*"
      Resource  = aws_efs_file_system.data.arn
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
`, { name: 'file system policy denying plain NFS' }),
  ],
  fail: [
    `Resources:
  FS: # <--
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: true
`,
    `Resources:
  FS:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: true
      FileSystemPolicy: # <--
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: { AWS: arn:aws:iam::111122223333:role/app }
            Action: elasticfilesystem:ClientMount
`,
    tf(`resource "aws_efs_file_system" "data" { # <--
  encrypted = true
}
`, { name: 'no file system policy' }),
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
