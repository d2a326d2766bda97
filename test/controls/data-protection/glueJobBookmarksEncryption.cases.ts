import control from '../../../src/controls/data-protection/glueJobBookmarksEncryption.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::Glue::SecurityConfiguration
    Properties:
      Name: etl
      EncryptionConfiguration:
        S3Encryptions:
          - S3EncryptionMode: SSE-S3
        CloudWatchEncryption:
          CloudWatchEncryptionMode: DISABLED
        JobBookmarksEncryption:
          JobBookmarksEncryptionMode: CSE-KMS # <--
`,
    tf(`resource "aws_glue_security_configuration" "etl" {
  name = "etl"
  
  encryption_configuration {
    cloudwatch_encryption {
      cloudwatch_encryption_mode = "DISABLED"
    }
  
    job_bookmarks_encryption {
      job_bookmarks_encryption_mode = "CSE-KMS" # <--
    }
  
    s3_encryption {
      s3_encryption_mode = "SSE-S3"
    }
  }
}
`, { name: 'CSE-KMS' }),
  ],
  fail: [
    `Resources:
  R:
    Type: AWS::Glue::SecurityConfiguration
    Properties:
      Name: etl
      EncryptionConfiguration:
        S3Encryptions:
          - S3EncryptionMode: SSE-S3
        CloudWatchEncryption:
          CloudWatchEncryptionMode: DISABLED
        JobBookmarksEncryption:
          JobBookmarksEncryptionMode: DISABLED # <--
`,
    tf(`resource "aws_glue_security_configuration" "etl" {
  name = "etl"
  
  encryption_configuration {
    cloudwatch_encryption {
      cloudwatch_encryption_mode = "DISABLED"
    }
  
    job_bookmarks_encryption {
      job_bookmarks_encryption_mode = "DISABLED" # <--
    }
  
    s3_encryption {
      s3_encryption_mode = "SSE-S3"
    }
  }
}
`, { name: 'DISABLED' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Mode: { Type: String }
Resources:
  R:
    Type: AWS::Glue::SecurityConfiguration
    Properties:
      Name: etl
      EncryptionConfiguration:
        S3Encryptions:
          - S3EncryptionMode: SSE-S3
        CloudWatchEncryption:
          CloudWatchEncryptionMode: DISABLED
        JobBookmarksEncryption:
          JobBookmarksEncryptionMode: !Ref Mode # <--
` },
  ],
});
