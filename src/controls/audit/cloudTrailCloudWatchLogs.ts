import { all, decide, defineControl } from '../api.js';
import { isPresent } from '../predicates.js';

export default defineControl({
  id: 'AT-CT-004',
  title: 'CloudTrail trails deliver events to CloudWatch Logs',
  domain: 'audit',
  severity: 'low',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  rationale: 'Delivering trail events to a log group makes metric filters and alarms on sensitive API calls possible in near real time; S3 delivery alone is only good for after-the-fact analysis.',
  remediation: 'Set CloudWatchLogsLogGroupArn and CloudWatchLogsRoleArn (a role CloudTrail can assume to write to the group).',
  remediationTerraform: 'Set cloud_watch_logs_group_arn (the log group ARN followed by :*) and cloud_watch_logs_role_arn (a role CloudTrail can assume to write to the group) on the aws_cloudtrail.',
  references: { trivy: ['AVD-AWS-0162'], guard: ['CLOUD_TRAIL_CLOUD_WATCH_LOGS_ENABLED'] },
  evaluate(r) {
    const group = r.get('CloudWatchLogsLogGroupArn');
    const role = r.get('CloudWatchLogsRoleArn');
    const ev = [r.evidence('CloudWatchLogsLogGroupArn', group), r.evidence('CloudWatchLogsRoleArn', role)];
    const d = all([decide(group, isPresent), decide(role, isPresent)]);
    const at = r.locate('CloudWatchLogsLogGroupArn');
    if (d === true) return r.pass('trail events are delivered to a CloudWatch Logs log group', at, ev);
    if (d === false) {
      return decide(group, isPresent) === false
        ? r.fail('CloudWatchLogsLogGroupArn is not set: events are not sent to CloudWatch Logs for alerting', at, ev)
        : r.fail('CloudWatchLogsRoleArn is not set: CloudTrail cannot write to the log group', r.locate('CloudWatchLogsRoleArn'), ev);
    }
    return r.unknown('cannot tell whether the trail delivers to CloudWatch Logs', d.unknown, at, ev);
  },
});
