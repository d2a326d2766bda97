import control from '../../../src/controls/data-protection/glueS3Encryption.js';
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
          - S3EncryptionMode: SSE-KMS # <--
        CloudWatchEncryption:
          CloudWatchEncryptionMode: DISABLED
        JobBookmarksEncryption:
          JobBookmarksEncryptionMode: DISABLED
`,
    tf(`resource "aws_glue_security_configuration" "etl" {
  name = "etl"
  
  encryption_configuration {
    cloudwatch_encryption {
      cloudwatch_encryption_mode = "DISABLED"
    }
  
    job_bookmarks_encryption {
      job_bookmarks_encryption_mode = "DISABLED"
    }
  
    s3_encryption {
      s3_encryption_mode = "SSE-KMS" # <--
    }
  }
}
`, { name: 'SSE-KMS' }),
  ],
  fail: [
    `Resources:
  R:
    Type: AWS::Glue::SecurityConfiguration
    Properties:
      Name: etl
      EncryptionConfiguration:
        S3Encryptions:
          - S3EncryptionMode: DISABLED # <--
        CloudWatchEncryption:
          CloudWatchEncryptionMode: DISABLED
        JobBookmarksEncryption:
          JobBookmarksEncryptionMode: DISABLED
`,
    { name: 'no S3 setting', template: `Resources:
  R: # <--
    Type: AWS::Glue::SecurityConfiguration
    Properties:
      Name: etl
      EncryptionConfiguration:
        CloudWatchEncryption:
          CloudWatchEncryptionMode: SSE-KMS
` },
    tf(`resource "aws_glue_security_configuration" "etl" {
  name = "etl"
  
  encryption_configuration {
    cloudwatch_encryption {
      cloudwatch_encryption_mode = "DISABLED"
    }
  
    job_bookmarks_encryption {
      job_bookmarks_encryption_mode = "DISABLED"
    }
  
    s3_encryption {
      s3_encryption_mode = "DISABLED" # <--
    }
  }
}
`, { name: 'DISABLED' }),
  ],
  unknown: [
    tf(`variable "mode" {
  type = string
}

resource "aws_glue_security_configuration" "etl" {
  name = "etl"
  
  encryption_configuration {
    cloudwatch_encryption {
      cloudwatch_encryption_mode = "DISABLED"
    }
  
    job_bookmarks_encryption {
      job_bookmarks_encryption_mode = "DISABLED"
    }
  
    s3_encryption {
      s3_encryption_mode = var.mode # <--
    }
  }
}
`, { name: 'from a variable' }),
  ],
});
