import { defineControl } from '../api.js';
import { isPresent } from '../predicates.js';

export default defineControl({
  id: 'AT-EMR-003',
  title: 'EMR clusters use a security configuration',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::EMR::Cluster'],
  rationale: 'Encryption at rest and in transit, Kerberos authentication and Lake Formation integration are applied to an EMR cluster only through a security configuration named when it is created. A cluster without one runs with none of them.',
  remediation: 'Set SecurityConfiguration on the AWS::EMR::Cluster to an AWS::EMR::SecurityConfiguration that enables encryption. It can only be set at creation.',
  remediationTerraform: 'Set security_configuration on the aws_emr_cluster to an aws_emr_security_configuration that enables encryption; it can only be set at creation.',
  references: { checkov: [], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('SecurityConfiguration', isPresent, {
      pass: 'the cluster uses a security configuration',
      fail: 'SecurityConfiguration is not set: the cluster runs without EMR encryption or authentication settings',
      unknown: 'the security configuration depends on a deploy-time value',
    });
  },
});
