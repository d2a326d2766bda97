import { defineControl } from '../api.js';
import { DOMAIN_TYPES, publishesLog } from '../lib/opensearch.js';

export default defineControl({
  id: 'AT-OS-006',
  title: 'OpenSearch domains publish audit logs to CloudWatch Logs',
  domain: 'audit',
  severity: 'medium',
  resourceTypes: DOMAIN_TYPES,
  rationale: 'Audit logs record who signed in to the domain and which indices and documents they read or changed. Without them, access to the data held in the cluster cannot be reviewed or investigated after the fact.',
  remediation: 'Enable fine-grained access control (audit logs require it) and add LogPublishingOptions.AUDIT_LOGS with Enabled: true and CloudWatchLogsLogGroupArn, with a log group resource policy that lets the service write to it.',
  remediationTerraform: 'Enable advanced_security_options (audit logs require it) and add a log_publishing_options block with log_type = "AUDIT_LOGS" and cloudwatch_log_group_arn (enabled defaults to true), with an aws_cloudwatch_log_resource_policy that lets the service write to the group.',
  references: { checkov: ['CKV_AWS_317'], trivy: ['AVD-AWS-0042'], guard: ['OPENSEARCH_AUDIT_LOGGING_ENABLED', 'ELASTICSEARCH_AUDIT_LOGGING_ENABLED'] },
  evaluate(r) {
    return publishesLog(r, 'AUDIT_LOGS', 'audit logs');
  },
});
