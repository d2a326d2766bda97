import { defineControl, type Outcome } from '../api.js';
import { asString, prop } from '../../model/value.js';

export default defineControl({
  id: 'AT-RSH-003',
  title: 'Redshift clusters write audit logs (connections and user activity)',
  domain: 'audit',
  severity: 'medium',
  resourceTypes: ['AWS::Redshift::Cluster'],
  rationale: 'Audit logging records who connected to the warehouse, from where, and what users and queries changed; without it, access to the data cannot be reviewed or investigated.',
  remediation: 'Set LoggingProperties with LogDestinationType: cloudwatch (and LogExports: [connectionlog, userlog, useractivitylog]) or with BucketName for S3; user activity logs also need enable_user_activity_logging in the parameter group.',
  remediationTerraform: 'Declare an aws_redshift_logging for the cluster with log_destination_type = "cloudwatch" and log_exports = ["connectionlog", "userlog", "useractivitylog"] (or bucket_name for S3; provider v5 writes the same in the cluster\'s logging block with enable = true); user activity logs also need enable_user_activity_logging = true in the aws_redshift_parameter_group.',
  references: { checkov: ['CKV_AWS_71'] },
  evaluate(r): Outcome {
    const lp = r.get('LoggingProperties');
    const at = r.locate('LoggingProperties');
    const ev = [r.evidence('LoggingProperties', lp, lp === undefined ? 'not set: audit logging is off' : undefined)];
    if (lp === undefined) return r.fail('LoggingProperties is not set: the cluster keeps no audit log', at, ev);
    if (lp.k === 'unknown') return r.unknown('audit logging depends on a deploy-time value', lp, at, ev);
    const dest = prop(lp, 'LogDestinationType');
    const bucket = prop(lp, 'BucketName');
    if (dest && dest.k === 'unknown') return r.unknown('the log destination depends on a deploy-time value', dest, dest.loc, ev);
    if (asString(dest)?.toLowerCase() === 'cloudwatch') return r.pass('audit logs are sent to CloudWatch Logs', at, ev);
    if (bucket) return r.pass('audit logs are written to S3', at, ev);
    return r.fail('LoggingProperties names neither a bucket nor CloudWatch as destination: no audit log is written', at, ev);
  },
});
