import { defineControl } from '../api.js';
import { atLeast } from '../predicates.js';

export default defineControl({
  id: 'AT-MDB-003',
  title: 'MemoryDB clusters keep automatic snapshots for at least 7 days',
  domain: 'resilience',
  severity: 'low',
  resourceTypes: ['AWS::MemoryDB::Cluster'],
  rationale: 'MemoryDB is durable across node failures, but only snapshots let you go back to the data as it was before a bad deployment or a destructive command. With SnapshotRetentionLimit 0 no automatic snapshots are taken; a week of them covers problems noticed late.',
  remediation: 'Set SnapshotRetentionLimit to 7 or more.',
  remediationTerraform: 'Set snapshot_retention_limit to 7 or more on the aws_memorydb_cluster (its default, 0, keeps no snapshots).',
  references: { checkov: [], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('SnapshotRetentionLimit', atLeast(7), {
      pass: 'automatic snapshots are kept for 7 days or more',
      fail: 'SnapshotRetentionLimit is below 7 days, or not declared: automatic snapshots are not kept for a week',
      unknown: 'snapshot retention depends on a deploy-time value',
    }, 'left out: no retention is declared');
  },
});
