import { decide, defineControl, evidenceAt } from '../api.js';
import { isPresent } from '../predicates.js';

export default defineControl({
  id: 'AT-XFER-002',
  title: 'Transfer Family servers log user activity to CloudWatch Logs',
  domain: 'audit',
  severity: 'medium',
  resourceTypes: ['AWS::Transfer::Server'],
  rationale: 'Transfer Family records logins, uploads, downloads and deletions only when it may write to CloudWatch Logs: through a logging role, or structured log destinations. Without either, file transfer activity leaves no record for investigations.',
  remediation: 'Set LoggingRole to a role allowing Transfer Family to write to CloudWatch Logs, or StructuredLogDestinations to a log group ARN.',
  remediationTerraform: 'Set logging_role on the aws_transfer_server to a role allowing Transfer Family to write to CloudWatch Logs, or structured_log_destinations to a log group ARN.',
  references: { checkov: [], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    const opts = ['LoggingRole', 'StructuredLogDestinations'].map((p) => {
      const v = r.get(p);
      return { p, v, d: decide(v, isPresent), at: v === undefined ? r.resource.loc : r.locate(p) };
    });
    const ev = opts.map((o) => evidenceAt(`Properties.${o.p}`, o.v, o.at));
    const on = opts.find((o) => o.d === true);
    if (on) return r.pass(`user activity is logged (${on.p})`, on.at, ev);
    const blocked = opts.find((o) => o.d !== false);
    if (blocked && blocked.d !== true && blocked.d !== false) return r.unknown('logging depends on a deploy-time value', blocked.d.unknown, blocked.at, ev);
    return r.fail('neither LoggingRole nor StructuredLogDestinations is set: user activity is not logged', r.resource.loc, ev);
  },
});
