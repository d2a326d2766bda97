import { defineControl, type Verdict } from '../api.js';
import type { Value } from '../../model/types.js';
import { asNumber } from '../../model/value.js';

/** A monitoring interval above 0 seconds (0, the default, turns Enhanced Monitoring off). */
function monitoring(v: Value | undefined): Verdict {
  if (v && v.k === 'unknown') return { unknown: v };
  const n = asNumber(v);
  return n !== undefined && n > 0;
}

export default defineControl({
  id: 'AT-RDS-013',
  title: 'RDS DB instances have Enhanced Monitoring enabled',
  domain: 'audit',
  severity: 'low',
  resourceTypes: ['AWS::RDS::DBInstance'],
  rationale: 'Enhanced Monitoring reports operating-system metrics of the database host (processes, memory, file system, per-second CPU) from an agent on the instance. CloudWatch metrics alone miss short spikes and process-level detail needed to diagnose an outage or an abusive workload.',
  remediation: 'Set MonitoringInterval to 1, 5, 10, 15, 30 or 60 seconds and MonitoringRoleArn to a role that monitoring.rds.amazonaws.com can assume with the AmazonRDSEnhancedMonitoringRole policy.',
  remediationTerraform: 'Set monitoring_interval (1, 5, 10, 15, 30 or 60) and monitoring_role_arn on the aws_db_instance or aws_rds_cluster_instance, the role trusted by monitoring.rds.amazonaws.com with the AmazonRDSEnhancedMonitoringRole policy.',
  references: { checkov: ['CKV_AWS_118'], guard: ['RDS_ENHANCED_MONITORING_ENABLED'] },
  evaluate(r) {
    return r.expect('MonitoringInterval', monitoring, {
      pass: 'Enhanced Monitoring collects operating-system metrics',
      fail: 'MonitoringInterval is 0 or not set: Enhanced Monitoring is off',
      unknown: 'Enhanced Monitoring depends on a deploy-time value',
    }, 'not set: 0 (off)');
  },
});
