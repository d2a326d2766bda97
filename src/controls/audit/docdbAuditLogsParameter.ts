import { defineControl } from '../api.js';
import { noneOf } from '../predicates.js';
import type { Value } from '../../model/types.js';

export default defineControl({
  id: 'AT-DOCDB-008',
  title: 'DocumentDB cluster parameter groups turn on audit logging',
  domain: 'audit',
  severity: 'medium',
  resourceTypes: ['AWS::DocDB::DBClusterParameterGroup'],
  rationale: 'DocumentDB writes audit events (authentication, DDL, and optionally reads and writes) only when the cluster parameter audit_logs enables them; it is disabled by default. Exporting the audit log type to CloudWatch Logs has nothing to send without it.',
  remediation: 'Set audit_logs to enabled (or all, ddl, dml_read, dml_write) in Parameters of the AWS::DocDB::DBClusterParameterGroup. Also export the audit log type from the cluster.',
  remediationTerraform: 'Add a parameter block { name = "audit_logs", value = "enabled" } (or all, ddl, dml_read, dml_write) to the aws_docdb_cluster_parameter_group, and export "audit" in enabled_cloudwatch_logs_exports of the aws_docdb_cluster.',
  references: { checkov: ['CKV_AWS_104'], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    const on = (v: Value | undefined) => (v === undefined ? false : noneOf(['disabled', 'none'], true)(v));
    return r.expect('Parameters.audit_logs', on, {
      pass: 'the engine writes audit events',
      fail: 'audit_logs is disabled or left out (disabled by default): no audit events are written',
      unknown: 'the audit_logs parameter depends on a deploy-time value',
    }, 'default is disabled');
  },
});
