import control from '../../../src/controls/data-protection/opensearchTlsPolicy.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::OpenSearchService::Domain
    Properties:
      DomainEndpointOptions:
        EnforceHTTPS: true
        TLSSecurityPolicy: Policy-Min-TLS-1-2-PFS-2023-10
`,
    `Resources:
  B:
    Type: AWS::Elasticsearch::Domain
    Properties:
      DomainEndpointOptions: { TLSSecurityPolicy: Policy-Min-TLS-1-2-2019-07 }
`,
    tf(`resource "aws_opensearch_domain" "logs" {
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"

  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10" # <--
  }
}
`, { name: 'tls_security_policy TLS 1.2 PFS' }),
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::OpenSearchService::Domain
    Properties:
      DomainEndpointOptions:
        EnforceHTTPS: true
`,
    `Resources:
  B:
    Type: AWS::OpenSearchService::Domain
    Properties:
      DomainEndpointOptions: { TLSSecurityPolicy: Policy-Min-TLS-1-0-2019-07 }
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
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-0-2019-07" # <--
  }
}
`, { name: 'aws_elasticsearch_domain with the TLS 1.0 policy' }),
  ],
  unknown: [
    { name: "AllowedValues that disagree", template: `Parameters:
  Tls: { Type: String, AllowedValues: [Policy-Min-TLS-1-0-2019-07, Policy-Min-TLS-1-2-2019-07] }
Resources:
  B:
    Type: AWS::OpenSearchService::Domain
    Properties:
      DomainEndpointOptions:
        TLSSecurityPolicy: !Ref Tls
` },
    tf(`variable "tls_policy" {
  type = string
}

resource "aws_opensearch_domain" "logs" {
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"

  domain_endpoint_options {
    tls_security_policy = var.tls_policy # <--
  }
}
`, { name: 'tls_security_policy from a variable without a value' }),
  ],
});
