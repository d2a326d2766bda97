import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-OS-003',
  title: 'OpenSearch domains accept only HTTPS',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  rationale: 'Unless HTTPS is enforced the domain endpoint also answers plain HTTP, so queries, documents and signed requests or basic-auth credentials can cross the network unencrypted.',
  remediation: 'Set DomainEndpointOptions.EnforceHTTPS: true.',
  remediationTerraform: 'Add a domain_endpoint_options block to the aws_opensearch_domain or aws_elasticsearch_domain; enforce_https defaults to true within it, so leave it unset or set it to true.',
  references: { checkov: ['CKV_AWS_83'], trivy: ['AVD-AWS-0046'], cfn_nag: [], cdk_nag: [], guard: ['ELASTICSEARCH_HTTPS_REQUIRED', 'OPENSEARCH_HTTPS_REQUIRED'] },
  evaluate(r) {
    return r.expect('DomainEndpointOptions.EnforceHTTPS', isTrue, {
      pass: 'the endpoint accepts HTTPS only',
      fail: 'DomainEndpointOptions.EnforceHTTPS is not true: the endpoint also accepts plain HTTP',
      unknown: 'HTTPS enforcement depends on a deploy-time value',
    });
  },
});
