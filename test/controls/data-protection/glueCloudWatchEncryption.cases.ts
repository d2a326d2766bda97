import control from '../../../src/controls/data-protection/glueCloudWatchEncryption.js';
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
          CloudWatchEncryptionMode: SSE-KMS # <--
        JobBookmarksEncryption:
          JobBookmarksEncryptionMode: DISABLED
`,
    tf(`resource "aws_glue_security_configuration" "etl" {
  name = "etl"
  
  encryption_configuration {
    cloudwatch_encryption {
      cloudwatch_encryption_mode = "SSE-KMS" # <--
    }
  
    job_bookmarks_encryption {
      job_bookmarks_encryption_mode = "DISABLED"
    }
  
    s3_encryption {
      s3_encryption_mode = "SSE-S3"
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
          - S3EncryptionMode: SSE-S3
        CloudWatchEncryption:
          CloudWatchEncryptionMode: DISABLED # <--
        JobBookmarksEncryption:
          JobBookmarksEncryptionMode: DISABLED
`,
    { name: 'no CloudWatch setting', template: `Resources:
  R:
    Type: AWS::Glue::SecurityConfiguration
    Properties:
      Name: etl
      EncryptionConfiguration: # <--
        S3Encryptions:
          - S3EncryptionMode: SSE-S3
` },
    tf(`resource "aws_glue_security_configuration" "etl" {
  name = "etl"
  
  encryption_configuration {
    cloudwatch_encryption {
      cloudwatch_encryption_mode = "DISABLED" # <--
    }
  
    job_bookmarks_encryption {
      job_bookmarks_encryption_mode = "DISABLED"
    }
  
    s3_encryption {
      s3_encryption_mode = "SSE-S3"
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
      cloudwatch_encryption_mode = var.mode # <--
    }
  
    job_bookmarks_encryption {
      job_bookmarks_encryption_mode = "DISABLED"
    }
  
    s3_encryption {
      s3_encryption_mode = "SSE-S3"
    }
  }
}
`, { name: 'from a variable' }),
  ],
});
