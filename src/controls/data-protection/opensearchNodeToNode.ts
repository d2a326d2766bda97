import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-OS-002',
  title: 'OpenSearch domains encrypt traffic between nodes',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  rationale: 'Node-to-node encryption adds TLS to the traffic between the nodes of the cluster, which otherwise carries indexed documents and query results in clear text inside the VPC.',
  remediation: 'Set NodeToNodeEncryptionOptions.Enabled: true.',
  remediationTerraform: 'Add node_to_node_encryption { enabled = true } to the aws_opensearch_domain or aws_elasticsearch_domain.',
  references: { checkov: ['CKV_AWS_6'], trivy: ['AVD-AWS-0043'], cfn_nag: ['W85'], cdk_nag: [], guard: ['ELASTICSEARCH_NODE_TO_NODE_ENCRYPTION_CHECK', 'OPENSEARCH_NODE_TO_NODE_ENCRYPTION_CHECK'] },
  evaluate(r) {
    return r.expect('NodeToNodeEncryptionOptions.Enabled', isTrue, {
      pass: 'node-to-node traffic is encrypted',
      fail: 'NodeToNodeEncryptionOptions.Enabled is not true: traffic between nodes is unencrypted',
      unknown: 'node-to-node encryption depends on a deploy-time value',
    });
  },
});
