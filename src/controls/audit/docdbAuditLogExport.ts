import { defineControl } from '../api.js';
import { listIncludes } from '../lib/analytics.js';

export default defineControl({
  id: 'AT-DOCDB-003',
  title: 'DocumentDB clusters export audit logs to CloudWatch Logs',
  domain: 'audit',
  severity: 'medium',
  resourceTypes: ['AWS::DocDB::DBCluster'],
  rationale: 'Audit logs record authentication attempts and the operations clients run against the DocumentDB cluster; kept only on the cluster they are not available to investigations or alarms. Exporting the audit log type to CloudWatch Logs retains it outside the database. The engine also needs the audit_logs cluster parameter turned on to produce these events.',
  remediation: 'Add audit to EnableCloudwatchLogsExports and turn on the audit_logs cluster parameter in the cluster parameter group.',
  remediationTerraform: 'Add "audit" to enabled_cloudwatch_logs_exports on the aws_docdb_cluster and set the audit_logs parameter to enabled in its aws_docdb_cluster_parameter_group.',
  references: { checkov: ['CKV_AWS_85'], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('EnableCloudwatchLogsExports', listIncludes('audit'), {
      pass: 'audit logs are exported to CloudWatch Logs',
      fail: 'EnableCloudwatchLogsExports does not include audit: audit events are not exported',
      unknown: 'the exported log types depend on a deploy-time value',
    });
  },
});
