import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-OS-001',
  title: 'OpenSearch domains encrypt data at rest',
  domain: 'data-protection',
  severity: 'high',
  resourceTypes: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  rationale: 'Encryption at rest covers indices, logs, swap files and automated snapshots of the domain. Fine-grained access control requires it, and enabling it on an existing domain is possible only on newer engine versions.',
  remediation: 'Set EncryptionAtRestOptions.Enabled: true (and KmsKeyId for a customer managed key).',
  remediationTerraform: 'Add encrypt_at_rest { enabled = true } to the aws_opensearch_domain or aws_elasticsearch_domain, with kms_key_id for a customer managed key.',
  references: { checkov: ['CKV_AWS_5'], trivy: ['AVD-AWS-0048'], cfn_nag: ['W54'], cdk_nag: [], guard: ['ELASTICSEARCH_ENCRYPTED_AT_REST', 'OPENSEARCH_ENCRYPTED_AT_REST'] },
  evaluate(r) {
    return r.expect('EncryptionAtRestOptions.Enabled', isTrue, {
      pass: 'data at rest is encrypted',
      fail: 'EncryptionAtRestOptions.Enabled is not true: the template does not request encryption at rest',
      unknown: 'encryption at rest depends on a deploy-time value',
    });
  },
});
