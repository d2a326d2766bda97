import { defineControl } from '../api.js';
import { noneOf } from '../predicates.js';

export default defineControl({
  id: 'AT-DOCDB-007',
  title: 'DocumentDB cluster parameter groups do not turn TLS off',
  domain: 'data-protection',
  severity: 'high',
  resourceTypes: ['AWS::DocDB::DBClusterParameterGroup'],
  rationale: 'DocumentDB requires TLS on client connections unless the cluster parameter group sets tls to disabled; then clients may connect in clear, exposing credentials and documents on the network. Left out, the parameter keeps its default, enabled.',
  remediation: 'Leave the tls parameter out or set it to enabled (or tls1.2+ / tls1.3+) in Parameters of the AWS::DocDB::DBClusterParameterGroup.',
  remediationTerraform: 'Leave the tls parameter out of the aws_docdb_cluster_parameter_group or set it with a parameter block { name = "tls", value = "enabled" } (or tls1.2+ / tls1.3+).',
  references: { checkov: ['CKV_AWS_90'], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('Parameters.tls', noneOf(['disabled'], true), {
      pass: 'TLS stays required for client connections',
      fail: 'the tls parameter is disabled: clients can connect without TLS',
      unknown: 'the tls parameter depends on a deploy-time value',
    }, 'default is enabled');
  },
});
