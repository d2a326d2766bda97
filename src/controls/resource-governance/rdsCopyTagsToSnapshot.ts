import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';
import { inDbCluster } from '../lib/data.js';

export default defineControl({
  id: 'AT-RDS-009',
  title: 'RDS databases copy their tags to snapshots',
  domain: 'resource-governance',
  severity: 'low',
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  rationale: 'Snapshots hold the same data as the database; without its tags (owner, data classification, cost centre) they escape tag-based access policies, retention rules and cost reporting. Tags are not copied by default.',
  remediation: 'Set CopyTagsToSnapshot: true.',
  remediationTerraform: 'Set copy_tags_to_snapshot = true on the aws_db_instance or aws_rds_cluster (it defaults to false).',
  references: { checkov: [], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    if (inDbCluster(r)) return r.notApplicable('instance belongs to a DB cluster; snapshot tagging is set on the cluster');
    return r.expect('CopyTagsToSnapshot', isTrue, {
      pass: 'tags are copied to snapshots',
      fail: 'CopyTagsToSnapshot is not true: snapshots are created untagged',
      unknown: 'tag copying depends on a deploy-time value',
    });
  },
});
