import { defineControl } from '../api.js';
import { contains } from '../predicates.js';

export default defineControl({
  id: 'AT-OS-004',
  title: 'OpenSearch domains require TLS 1.2 or later',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  rationale: 'TLS 1.0 and 1.1 have known weaknesses and are deprecated. The domain\'s TLS security policy sets the oldest protocol its endpoint negotiates; Policy-Min-TLS-1-0-2019-07 has long been the service default.',
  remediation: 'Set DomainEndpointOptions.TLSSecurityPolicy to Policy-Min-TLS-1-2-PFS-2023-10 (or Policy-Min-TLS-1-2-2019-07).',
  remediationTerraform: 'Set tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10" (or "Policy-Min-TLS-1-2-2019-07") in the domain_endpoint_options block of the aws_opensearch_domain or aws_elasticsearch_domain.',
  references: { checkov: ['CKV_AWS_228'], trivy: ['AVD-AWS-0126'], cfn_nag: [], cdk_nag: [], guard: ['ELASTICSEARCH_HTTPS_REQUIRED', 'OPENSEARCH_HTTPS_REQUIRED'] },
  evaluate(r) {
    return r.expect('DomainEndpointOptions.TLSSecurityPolicy', contains('Policy-Min-TLS-1-2'), {
      pass: 'the endpoint requires TLS 1.2 or later',
      fail: 'TLSSecurityPolicy does not require TLS 1.2 (absent or Policy-Min-TLS-1-0-2019-07)',
      unknown: 'the TLS policy depends on a deploy-time value',
    });
  },
});
