import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-RDS-011',
  title: 'RDS Proxy requires TLS from clients',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::RDS::DBProxy'],
  rationale: 'Without RequireTLS the proxy accepts plaintext client connections, so credentials and query results cross the VPC unencrypted. It is off by default.',
  remediation: 'Set RequireTLS: true and have clients connect with TLS using the Amazon root CA.',
  remediationTerraform: 'Set require_tls = true on the aws_db_proxy (it defaults to false) and have clients connect with TLS using the Amazon root CA.',
  references: { checkov: [], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('RequireTLS', isTrue, {
      pass: 'the proxy requires TLS',
      fail: 'RequireTLS is not true: clients may connect to the proxy without TLS',
      unknown: 'TLS enforcement depends on a deploy-time value',
    });
  },
});
