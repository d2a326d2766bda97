import control from '../../../src/controls/data-protection/glueConnectionPasswordEncryption.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::Glue::DataCatalogEncryptionSettings
    Properties:
      CatalogId: !Ref AWS::AccountId
      DataCatalogEncryptionSettings:
        EncryptionAtRest:
          CatalogEncryptionMode: SSE-KMS
          SseAwsKmsKeyId: alias/glue
        ConnectionPasswordEncryption:
          ReturnConnectionPasswordEncrypted: true # <--
          KmsKeyId: alias/glue
`,
    tf(`resource "aws_glue_data_catalog_encryption_settings" "catalog" {
  data_catalog_encryption_settings {
    encryption_at_rest {
      catalog_encryption_mode = "SSE-KMS"
      sse_aws_kms_key_id      = "alias/glue"
    }
  
    connection_password_encryption {
      return_connection_password_encrypted = true # <--
      aws_kms_key_id                       = "alias/glue"
    }
  }
}
`, { name: 'true' }),
  ],
  fail: [
    `Resources:
  R:
    Type: AWS::Glue::DataCatalogEncryptionSettings
    Properties:
      CatalogId: !Ref AWS::AccountId
      DataCatalogEncryptionSettings:
        EncryptionAtRest:
          CatalogEncryptionMode: SSE-KMS
          SseAwsKmsKeyId: alias/glue
        ConnectionPasswordEncryption:
          ReturnConnectionPasswordEncrypted: false # <--
          KmsKeyId: alias/glue
`,
    { name: 'no password setting', template: `Resources:
  R:
    Type: AWS::Glue::DataCatalogEncryptionSettings
    Properties:
      CatalogId: !Ref AWS::AccountId
      DataCatalogEncryptionSettings: # <--
        EncryptionAtRest:
          CatalogEncryptionMode: SSE-KMS
          SseAwsKmsKeyId: alias/glue
` },
    tf(`resource "aws_glue_data_catalog_encryption_settings" "catalog" {
  data_catalog_encryption_settings {
    encryption_at_rest {
      catalog_encryption_mode = "SSE-KMS"
      sse_aws_kms_key_id      = "alias/glue"
    }
  
    connection_password_encryption {
      return_connection_password_encrypted = false # <--
      aws_kms_key_id                       = "alias/glue"
    }
  }
}
`, { name: 'false' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Enc: { Type: String }
Resources:
  R:
    Type: AWS::Glue::DataCatalogEncryptionSettings
    Properties:
      CatalogId: !Ref AWS::AccountId
      DataCatalogEncryptionSettings:
        EncryptionAtRest:
          CatalogEncryptionMode: SSE-KMS
          SseAwsKmsKeyId: alias/glue
        ConnectionPasswordEncryption:
          ReturnConnectionPasswordEncrypted: !Ref Enc # <--
          KmsKeyId: alias/glue
` },
    tf(`variable "enc" {
  type = bool
}

resource "aws_glue_data_catalog_encryption_settings" "catalog" {
  data_catalog_encryption_settings {
    encryption_at_rest {
      catalog_encryption_mode = "SSE-KMS"
    }
  
    connection_password_encryption {
      return_connection_password_encrypted = var.enc # <--
    }
  }
}
`, { name: 'from a variable' }),
  ],
});
