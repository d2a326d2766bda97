import { defineControl } from '../api.js';
import { DOMAIN_TYPES, publishesLog } from '../lib/opensearch.js';

export default defineControl({
  id: 'AT-OS-010',
  title: 'OpenSearch domains publish error (application) logs to CloudWatch Logs',
  domain: 'audit',
  severity: 'low',
  resourceTypes: DOMAIN_TYPES,
  rationale: 'The error log of the cluster shows failed requests, node problems and authentication errors. Kept in CloudWatch Logs it outlives the nodes and can be searched and alarmed on; otherwise it is not retained for investigation.',
  remediation: 'Add LogPublishingOptions.ES_APPLICATION_LOGS with Enabled: true and CloudWatchLogsLogGroupArn, with a log group resource policy that lets the service write to it.',
  remediationTerraform: 'Add a log_publishing_options block with log_type = "ES_APPLICATION_LOGS" and cloudwatch_log_group_arn (enabled defaults to true), with an aws_cloudwatch_log_resource_policy that lets the service write to the group.',
  references: { guard: ['OPENSEARCH_APPLICATION_LOGGING_ENABLED', 'ELASTICSEARCH_APPLICATION_LOGGING_ENABLED'] },
  evaluate(r) {
    return publishesLog(r, 'ES_APPLICATION_LOGS', 'error logs');
  },
});
