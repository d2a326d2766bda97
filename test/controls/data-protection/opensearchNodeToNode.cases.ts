import control from '../../../src/controls/data-protection/opensearchNodeToNode.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::OpenSearchService::Domain
    Properties:
      NodeToNodeEncryptionOptions:
        Enabled: true
`,
    tf(`resource "aws_opensearch_domain" "logs" {
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"

  node_to_node_encryption {
    enabled = true # <--
  }
}
`, { name: 'node_to_node_encryption enabled' }),
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::OpenSearchService::Domain
`,
    `Resources:
  B:
    Type: AWS::Elasticsearch::Domain
    Properties:
      NodeToNodeEncryptionOptions: { Enabled: false }
`,
    tf(`resource "aws_opensearch_domain" "logs" { # <--
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"
}
`, { name: 'no node_to_node_encryption block' }),
    tf(`resource "aws_elasticsearch_domain" "legacy" {
  domain_name           = "legacy"
  elasticsearch_version = "7.10"

  node_to_node_encryption {
    enabled = false # <--
  }
}
`, { name: 'aws_elasticsearch_domain node_to_node_encryption disabled' }),
  ],
  unknown: [
    tf(`variable "n2n" {
  type = bool
}

resource "aws_opensearch_domain" "logs" {
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"

  node_to_node_encryption {
    enabled = var.n2n # <--
  }
}
`, { name: 'node_to_node_encryption.enabled from a variable without a value' }),
  ],
});
