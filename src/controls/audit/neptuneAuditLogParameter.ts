import { defineControl } from '../api.js';
import { asString } from '../../model/value.js';
import type { Value } from '../../model/types.js';

export default defineControl({
  id: 'AT-NEP-008',
  title: 'Neptune cluster parameter groups turn on audit logging',
  domain: 'audit',
  severity: 'medium',
  resourceTypes: ['AWS::Neptune::DBClusterParameterGroup'],
  rationale: 'Neptune records client connections and queries in its audit log only when the cluster parameter neptune_enable_audit_log is 1; the default is 0. Without it, exporting the audit log type to CloudWatch Logs has nothing to send.',
  remediation: 'Set neptune_enable_audit_log: 1 in Parameters of the AWS::Neptune::DBClusterParameterGroup. Also export the audit log type from the cluster.',
  remediationTerraform: 'Add a parameter block { name = "neptune_enable_audit_log", value = "1" } to the aws_neptune_cluster_parameter_group, and export "audit" in enable_cloudwatch_logs_exports of the aws_neptune_cluster.',
  references: { checkov: [], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    const on = (v: Value | undefined) => (v === undefined ? false : v.k === 'unknown' ? { unknown: v } : asString(v) === '1');
    return r.expect('Parameters.neptune_enable_audit_log', on, {
      pass: 'the engine writes audit events',
      fail: 'neptune_enable_audit_log is not 1 (0 by default): no audit events are written',
      unknown: 'the audit log parameter depends on a deploy-time value',
    }, 'default is 0');
  },
});
