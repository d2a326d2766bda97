import { defineControl } from '../api.js';
import { DOMAIN_TYPES } from '../lib/opensearch.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-OS-005',
  title: 'OpenSearch domains enable fine-grained access control',
  domain: 'authorization',
  severity: 'medium',
  resourceTypes: DOMAIN_TYPES,
  rationale: 'Without fine-grained access control, anyone the domain access policy lets in can read and write every index; with it, users and IAM roles are mapped to roles that limit them to indices, documents and fields. It is also what audit logging builds on.',
  remediation: 'Set AdvancedSecurityOptions.Enabled: true with a master user (MasterUserOptions) or IAM master role; it requires HTTPS enforcement, node-to-node encryption and encryption at rest.',
  remediationTerraform: 'Add advanced_security_options { enabled = true } to the aws_opensearch_domain or aws_elasticsearch_domain, with a master_user_options block (a master user or master_user_arn); it requires domain_endpoint_options.enforce_https, node_to_node_encryption and encrypt_at_rest.',
  references: { checkov: ['CKV2_AWS_52'], guard: ['OPENSEARCH_ACCESS_CONTROL_ENABLED'] },
  evaluate(r) {
    return r.expect('AdvancedSecurityOptions.Enabled', isTrue, {
      pass: 'fine-grained access control is enabled',
      fail: 'AdvancedSecurityOptions.Enabled is not true: every principal the access policy admits has full access to all indices',
      unknown: 'fine-grained access control depends on a deploy-time value',
    }, 'not set: disabled');
  },
});
