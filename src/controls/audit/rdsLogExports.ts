import { defineControl } from '../api.js';
import { isPresent } from '../predicates.js';
import { inDbCluster } from '../lib/data.js';

export default defineControl({
  id: 'AT-RDS-007',
  title: 'RDS databases export their logs to CloudWatch Logs',
  domain: 'audit',
  severity: 'low',
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  rationale: 'Database error, audit and slow-query logs kept only on the instance rotate away quickly and disappear with it; exporting them to CloudWatch Logs retains them for investigation and alerting.',
  remediation: 'Set EnableCloudwatchLogsExports to the log types of the engine (e.g. [postgresql] or [audit, error, general, slowquery]); audit logs also need the engine\'s audit plugin or parameter.',
  remediationTerraform: 'Set enabled_cloudwatch_logs_exports on the aws_db_instance or aws_rds_cluster to the log types of the engine (e.g. ["postgresql"] or ["audit", "error", "general", "slowquery"]); audit logs also need the engine\'s audit plugin or parameter.',
  references: { checkov: ['CKV_AWS_129'], trivy: [], cfn_nag: [], cdk_nag: [], guard: ['RDS_LOGGING_ENABLED'] },
  evaluate(r) {
    if (inDbCluster(r)) return r.notApplicable('instance belongs to a DB cluster; log exports are set on the cluster');
    return r.expect('EnableCloudwatchLogsExports', isPresent, {
      pass: 'database logs are exported to CloudWatch Logs',
      fail: 'EnableCloudwatchLogsExports is not set or empty: database logs are not exported',
      unknown: 'log exports depend on a deploy-time value',
    });
  },
});
