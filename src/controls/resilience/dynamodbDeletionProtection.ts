import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';
import { eachItem, listAt } from '../lib/data.js';

export default defineControl({
  id: 'AT-DDB-003',
  title: 'DynamoDB tables have deletion protection enabled',
  domain: 'resilience',
  severity: 'medium',
  resourceTypes: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'],
  rationale: 'With deletion protection DynamoDB rejects DeleteTable until the flag is cleared, so a stack deletion, a replacement caused by a renamed key or a mistaken call cannot drop the table and its data. It is off by default.',
  remediation: 'Set DeletionProtectionEnabled: true (on every replica of a global table), and a DeletionPolicy of Retain or Snapshot.',
  remediationTerraform: 'Set deletion_protection_enabled = true on the aws_dynamodb_table; the provider leaves it off when unset.',
  references: { checkov: [], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    if (r.type === 'AWS::DynamoDB::GlobalTable') {
      const { items, unknown } = listAt(r, 'Replicas');
      if (unknown) return r.unknown('the replicas depend on a deploy-time value', unknown, r.locate('Replicas'), [r.evidence('Replicas')]);
      if (items.length === 0) return r.fail('no replicas are declared, so none has deletion protection', r.locate('Replicas'), [r.evidence('Replicas')]);
      return eachItem(r, 'Replicas', items, 'DeletionProtectionEnabled', isTrue, {
        pass: (i) => `replica ${i} has deletion protection enabled`,
        fail: (i) => `replica ${i} does not enable deletion protection`,
        unknown: (i) => `deletion protection of replica ${i} depends on a deploy-time value`,
      });
    }
    return r.expect('DeletionProtectionEnabled', isTrue, {
      pass: 'deletion protection is enabled',
      fail: 'DeletionProtectionEnabled is not true: the table can be deleted by a stack update or delete',
      unknown: 'deletion protection depends on a deploy-time value',
    });
  },
});
