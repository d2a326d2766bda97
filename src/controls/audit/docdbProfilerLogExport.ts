import { defineControl } from '../api.js';
import { listIncludes } from '../lib/analytics.js';

export default defineControl({
  id: 'AT-DOCDB-004',
  title: 'DocumentDB clusters export profiler logs to CloudWatch Logs',
  domain: 'audit',
  severity: 'low',
  resourceTypes: ['AWS::DocDB::DBCluster'],
  rationale: 'The profiler log records slow operations and their details; exported to CloudWatch Logs it helps find abusive or runaway queries and is kept after the cluster is gone. The cluster parameter profiler must also be enabled for events to be written.',
  remediation: 'Add profiler to EnableCloudwatchLogsExports and enable the profiler cluster parameter.',
  remediationTerraform: 'Add "profiler" to enabled_cloudwatch_logs_exports on the aws_docdb_cluster and set the profiler parameter to enabled in its aws_docdb_cluster_parameter_group.',
  references: { checkov: ['CKV_AWS_85'], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    return r.expect('EnableCloudwatchLogsExports', listIncludes('profiler'), {
      pass: 'profiler logs are exported to CloudWatch Logs',
      fail: 'EnableCloudwatchLogsExports does not include profiler: slow operations are not exported',
      unknown: 'the exported log types depend on a deploy-time value',
    });
  },
});
