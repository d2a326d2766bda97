import { decide, defineControl, evidenceAt } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-MSK-005',
  title: 'MSK clusters deliver broker logs',
  domain: 'audit',
  severity: 'medium',
  resourceTypes: ['AWS::MSK::Cluster'],
  rationale: 'Broker logs record client connections, authentication failures and broker errors. Without a destination (CloudWatch Logs, Firehose or S3) they stay on the brokers, out of reach for investigation or alerting.',
  remediation: 'Enable at least one of LoggingInfo.BrokerLogs.CloudWatchLogs, Firehose or S3 (Enabled: true with its destination).',
  remediationTerraform: 'Add logging_info { broker_logs { cloudwatch_logs { enabled = true, log_group = ... } } } to the aws_msk_cluster (or a firehose or s3 block with enabled = true and its destination).',
  references: { checkov: [], trivy: ['AVD-AWS-0074'], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    const dests = ['CloudWatchLogs', 'Firehose', 'S3'].map((d) => {
      const path = `LoggingInfo.BrokerLogs.${d}.Enabled`;
      const v = r.get(path);
      return { path, v, d: decide(v, isTrue), at: v === undefined ? r.resource.loc : r.locate(path) };
    });
    const ev = dests.map((x) => evidenceAt(`Properties.${x.path}`, x.v, x.at));
    const on = dests.find((x) => x.d === true);
    if (on) return r.pass(`broker logs are delivered (${on.path.split('.')[2]})`, on.at, ev);
    const blocked = dests.find((x) => x.d !== false);
    if (blocked && blocked.d !== true && blocked.d !== false) return r.unknown('broker log delivery depends on a deploy-time value', blocked.d.unknown, blocked.at, ev);
    const at = r.get('LoggingInfo') ? r.locate('LoggingInfo') : r.resource.loc;
    return r.fail('no broker log destination is enabled: broker logs are not kept', at, ev);
  },
});
