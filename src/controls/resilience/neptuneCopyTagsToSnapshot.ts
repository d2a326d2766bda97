import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-NEP-007',
  title: 'Neptune clusters copy their tags to snapshots',
  domain: 'resilience',
  severity: 'low',
  resourceTypes: ['AWS::Neptune::DBCluster'],
  rationale: 'Snapshots created without the cluster\'s tags escape the tag-based access policies, cost allocation and lifecycle automation applied to the cluster, and are hard to attribute during cleanup or an incident.',
  remediation: 'Set CopyTagsToSnapshot: true.',
  remediationTerraform: 'Set copy_tags_to_snapshot = true on the aws_neptune_cluster.',
  references: { checkov: ['CKV_AWS_362'], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('CopyTagsToSnapshot', isTrue, {
      pass: 'tags are copied to snapshots',
      fail: 'CopyTagsToSnapshot is not true: snapshots do not carry the cluster tags',
      unknown: 'copying tags depends on a deploy-time value',
    });
  },
});
