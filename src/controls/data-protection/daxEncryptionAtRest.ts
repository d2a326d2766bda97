import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-DAX-001',
  title: 'DAX clusters encrypt data at rest',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::DAX::Cluster'],
  rationale: 'A DAX cluster caches items read from DynamoDB tables, including their sensitive attributes, on its nodes\' disks and in its logs. Server-side encryption is off unless enabled, and can only be chosen when the cluster is created.',
  remediation: 'Set SSESpecification.SSEEnabled: true. Existing clusters must be recreated.',
  remediationTerraform: 'Add server_side_encryption { enabled = true } to the aws_dax_cluster; existing clusters must be recreated.',
  references: { checkov: ['CKV_AWS_47'], trivy: ['AVD-AWS-0023'], cfn_nag: ['W83'], cdk_nag: [], guard: ['DAX_ENCRYPTION_ENABLED'] },
  evaluate(r) {
    return r.expect('SSESpecification.SSEEnabled', isTrue, {
      pass: 'cached data is encrypted at rest',
      fail: 'SSESpecification.SSEEnabled is not true: cached data is not encrypted at rest (the default)',
      unknown: 'encryption at rest depends on a deploy-time value',
    }, 'default is false');
  },
});
