import { defineControl } from '../api.js';
import { listIncludes } from '../lib/analytics.js';

export default defineControl({
  id: 'AT-NEP-003',
  title: 'Neptune clusters export audit logs to CloudWatch Logs',
  domain: 'audit',
  severity: 'medium',
  resourceTypes: ['AWS::Neptune::DBCluster'],
  rationale: 'Audit logs record authentication attempts and the operations clients run against the Neptune cluster; kept only on the cluster they are not available to investigations or alarms. Exporting the audit log type to CloudWatch Logs retains it outside the database. The engine also needs the neptune_enable_audit_log cluster parameter turned on to produce these events.',
  remediation: 'Add audit to EnableCloudwatchLogsExports and turn on the neptune_enable_audit_log cluster parameter in the cluster parameter group.',
  remediationTerraform: 'Add "audit" to enable_cloudwatch_logs_exports on the aws_neptune_cluster and set neptune_enable_audit_log = 1 in its aws_neptune_cluster_parameter_group.',
  references: { checkov: ['CKV_AWS_101'], trivy: ['AVD-AWS-0075'], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('EnableCloudwatchLogsExports', listIncludes('audit'), {
      pass: 'audit logs are exported to CloudWatch Logs',
      fail: 'EnableCloudwatchLogsExports does not include audit: audit events are not exported',
      unknown: 'the exported log types depend on a deploy-time value',
    });
  },
});
