import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-DMS-003',
  title: 'DMS replication instances are deployed across Availability Zones',
  domain: 'resilience',
  severity: 'low',
  resourceTypes: ['AWS::DMS::ReplicationInstance'],
  rationale: 'A Multi-AZ replication instance keeps a standby in another Availability Zone and fails over to it, so ongoing replication (CDC) survives the loss of an instance or zone instead of stopping until someone rebuilds it.',
  remediation: 'Set MultiAZ: true for instances running ongoing replication.',
  remediationTerraform: 'Set multi_az = true on the aws_dms_replication_instance for instances running ongoing replication.',
  references: { checkov: [], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('MultiAZ', isTrue, {
      pass: 'the replication instance has a standby in another Availability Zone',
      fail: 'MultiAZ is not true: the replication instance runs in a single Availability Zone',
      unknown: 'Multi-AZ depends on a deploy-time value',
    });
  },
});
