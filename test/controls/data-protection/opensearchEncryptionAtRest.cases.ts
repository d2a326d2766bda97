import control from '../../../src/controls/data-protection/opensearchEncryptionAtRest.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::OpenSearchService::Domain
    Properties:
      EncryptionAtRestOptions:
        Enabled: true
        KmsKeyId: !Ref Key
  Key:
    Type: AWS::KMS::Key
`,
    `Resources:
  B:
    Type: AWS::Elasticsearch::Domain
    Properties:
      EncryptionAtRestOptions: { Enabled: true }
`,
    tf(`resource "aws_opensearch_domain" "logs" {
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"

  encrypt_at_rest {
    enabled    = true # <--
    kms_key_id = "alias/search"
  }
}
`, { name: 'encrypt_at_rest enabled' }),
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::OpenSearchService::Domain
    Properties:
      EngineVersion: OpenSearch_2.11
`,
    `Resources:
  B:
    Type: AWS::Elasticsearch::Domain
    Properties:
      EncryptionAtRestOptions: { Enabled: false }
`,
    tf(`resource "aws_opensearch_domain" "logs" { # <--
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"
}
`, { name: 'no encrypt_at_rest block' }),
    tf(`resource "aws_elasticsearch_domain" "legacy" {
  domain_name           = "legacy"
  elasticsearch_version = "7.10"

  encrypt_at_rest {
    enabled = false # <--
  }
}
`, { name: 'aws_elasticsearch_domain encrypt_at_rest disabled' }),
  ],
  unknown: [
    { name: "parameter without default", template: `Parameters:
  Enc: { Type: String }
Resources:
  B:
    Type: AWS::OpenSearchService::Domain
    Properties:
      EncryptionAtRestOptions:
        Enabled: !Ref Enc
` },
    tf(`variable "encrypt" {
  type = bool
}

resource "aws_opensearch_domain" "logs" {
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"

  encrypt_at_rest {
    enabled = var.encrypt # <--
  }
}
`, { name: 'encrypt_at_rest.enabled from a variable without a value' }),
  ],
});
