import { defineControl } from '../api.js';
import { equalsOr } from '../lib/analytics.js';

export default defineControl({
  id: 'AT-DAX-002',
  title: 'DAX cluster endpoints require TLS',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::DAX::Cluster'],
  rationale: 'With ClusterEndpointEncryptionType NONE (the default), applications talk to the DAX endpoint unencrypted, so cached items and request traffic can be read on the network. TLS can only be chosen at creation.',
  remediation: 'Set ClusterEndpointEncryptionType: TLS and use a DAX client that connects with daxs://.',
  remediationTerraform: 'Set cluster_endpoint_encryption_type = "TLS" on the aws_dax_cluster and use a DAX client that connects with daxs://.',
  references: { checkov: ['CKV_AWS_239'], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('ClusterEndpointEncryptionType', equalsOr('TLS', 'NONE'), {
      pass: 'clients connect to the cluster over TLS',
      fail: 'ClusterEndpointEncryptionType is not TLS: clients connect to the cluster unencrypted (NONE is the default)',
      unknown: 'endpoint encryption depends on a deploy-time value',
    }, 'default is NONE');
  },
});
