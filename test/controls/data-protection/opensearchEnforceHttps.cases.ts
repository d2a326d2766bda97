import control from '../../../src/controls/data-protection/opensearchEnforceHttps.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::OpenSearchService::Domain
    Properties:
      DomainEndpointOptions:
        EnforceHTTPS: true
`,
    tf(`resource "aws_opensearch_domain" "logs" {
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"

  domain_endpoint_options {
    enforce_https       = true # <--
    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
  }
}
`, { name: 'enforce_https = true' }),
    tf(`resource "aws_opensearch_domain" "logs" {
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"

  domain_endpoint_options { # <--
    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
  }
}
`, { name: 'domain_endpoint_options without enforce_https: the provider sends true' }),
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
      DomainEndpointOptions: { EnforceHTTPS: false }
`,
    tf(`resource "aws_opensearch_domain" "logs" { # <--
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"
}
`, { name: 'no domain_endpoint_options block' }),
    tf(`resource "aws_elasticsearch_domain" "legacy" {
  domain_name           = "legacy"
  elasticsearch_version = "7.10"

  domain_endpoint_options {
    enforce_https = false # <--
  }
}
`, { name: 'aws_elasticsearch_domain enforce_https = false' }),
  ],
  unknown: [
    { name: "Fn::If on an undecidable condition", template: `Parameters:
  Env: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  B:
    Type: AWS::OpenSearchService::Domain
    Properties:
      DomainEndpointOptions:
        EnforceHTTPS: !If [IsProd, true, false]
` },
    tf(`variable "https_only" {
  type = bool
}

resource "aws_opensearch_domain" "logs" {
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"

  domain_endpoint_options {
    enforce_https = var.https_only # <--
  }
}
`, { name: 'enforce_https from a variable without a value' }),
  ],
});
