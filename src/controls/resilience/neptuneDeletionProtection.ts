import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-NEP-006',
  title: 'Neptune clusters have deletion protection enabled',
  domain: 'resilience',
  severity: 'medium',
  resourceTypes: ['AWS::Neptune::DBCluster'],
  rationale: 'Deletion protection makes the Neptune API refuse to delete the cluster until the setting is turned off, which stops a mistaken stack update, terraform destroy or console action from removing the database and its automated backups.',
  remediation: 'Set DeletionProtection: true.',
  remediationTerraform: 'Set deletion_protection = true on the aws_neptune_cluster.',
  references: { checkov: [], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('DeletionProtection', isTrue, {
      pass: 'deletion protection is enabled',
      fail: 'DeletionProtection is not true: the cluster can be deleted without first changing its settings (the default)',
      unknown: 'deletion protection depends on a deploy-time value',
    });
  },
});
