import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';
import { eachItem, listAt } from '../lib/data.js';

export default defineControl({
  id: 'AT-DDB-001',
  title: 'DynamoDB tables have point-in-time recovery enabled',
  domain: 'resilience',
  severity: 'medium',
  resourceTypes: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'],
  rationale: 'Point-in-time recovery keeps continuous backups for up to 35 days, so a table damaged by a faulty deployment, a bad batch write or a malicious delete can be restored to the second before. It is off by default and cannot be reconstructed afterwards.',
  remediation: 'Set PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled: true (on every replica of a global table).',
  remediationTerraform: 'Add point_in_time_recovery { enabled = true } to the aws_dynamodb_table.',
  references: { checkov: ['CKV_AWS_28', 'CKV_AWS_165'], trivy: ['AVD-AWS-0024'], cfn_nag: [], cdk_nag: ['AwsSolutions-DDB3'], guard: ['DYNAMODB_PITR_ENABLED'] },
  evaluate(r) {
    const path = 'PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled';
    if (r.type === 'AWS::DynamoDB::GlobalTable') {
      const { items, unknown } = listAt(r, 'Replicas');
      if (unknown) return r.unknown('the replicas depend on a deploy-time value', unknown, r.locate('Replicas'), [r.evidence('Replicas')]);
      if (items.length === 0) return r.fail('no replicas are declared, so no replica has point-in-time recovery', r.locate('Replicas'), [r.evidence('Replicas')]);
      return eachItem(r, 'Replicas', items, path, isTrue, {
        pass: (i) => `replica ${i} has point-in-time recovery enabled`,
        fail: (i) => `replica ${i} does not enable point-in-time recovery`,
        unknown: (i) => `point-in-time recovery of replica ${i} depends on a deploy-time value`,
      });
    }
    return r.expect(path, isTrue, {
      pass: 'point-in-time recovery is enabled',
      fail: 'point-in-time recovery is not enabled',
      unknown: 'point-in-time recovery depends on a deploy-time value',
    });
  },
});
