import control from '../../../src/controls/data-protection/glueCatalogEncryption.js';
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
          CatalogEncryptionMode: SSE-KMS # <--
          SseAwsKmsKeyId: alias/glue
        ConnectionPasswordEncryption:
          ReturnConnectionPasswordEncrypted: true
          KmsKeyId: alias/glue
`,
    tf(`resource "aws_glue_data_catalog_encryption_settings" "catalog" {
  data_catalog_encryption_settings {
    encryption_at_rest {
      catalog_encryption_mode = "SSE-KMS" # <--
      sse_aws_kms_key_id      = "alias/glue"
    }
  
    connection_password_encryption {
      return_connection_password_encrypted = true
      aws_kms_key_id                       = "alias/glue"
    }
  }
}
`, { name: 'SSE-KMS' }),
  ],
  fail: [
    `Resources:
  R:
    Type: AWS::Glue::DataCatalogEncryptionSettings
    Properties:
      CatalogId: !Ref AWS::AccountId
      DataCatalogEncryptionSettings:
        EncryptionAtRest:
          CatalogEncryptionMode: DISABLED # <--
          SseAwsKmsKeyId: alias/glue
        ConnectionPasswordEncryption:
          ReturnConnectionPasswordEncrypted: true
          KmsKeyId: alias/glue
`,
    tf(`resource "aws_glue_data_catalog_encryption_settings" "catalog" {
  data_catalog_encryption_settings {
    encryption_at_rest {
      catalog_encryption_mode = "DISABLED" # <--
      sse_aws_kms_key_id      = "alias/glue"
    }
  
    connection_password_encryption {
      return_connection_password_encrypted = true
      aws_kms_key_id                       = "alias/glue"
    }
  }
}
`, { name: 'DISABLED' }),
  ],
  unknown: [
    tf(`variable "mode" {
  type = string
}

resource "aws_glue_data_catalog_encryption_settings" "catalog" {
  data_catalog_encryption_settings {
    encryption_at_rest {
      catalog_encryption_mode = var.mode # <--
      sse_aws_kms_key_id      = "alias/glue"
    }
  
    connection_password_encryption {
      return_connection_password_encrypted = true
      aws_kms_key_id                       = "alias/glue"
    }
  }
}
`, { name: 'from a variable' }),
  ],
});
