import { any, decide, defineControl } from '../api.js';
import { isPresent } from '../predicates.js';
import { asBool } from '../../model/value.js';

const ACTIONS = ['AlarmActions', 'OKActions', 'InsufficientDataActions'];

export default defineControl({
  id: 'AT-CW-001',
  title: 'CloudWatch alarms notify or act when they change state',
  domain: 'audit',
  severity: 'low',
  resourceTypes: ['AWS::CloudWatch::Alarm', 'AWS::CloudWatch::CompositeAlarm'],
  rationale: 'An alarm without actions changes colour on a dashboard nobody watches; security and availability alarms must reach someone or trigger a response.',
  remediation: 'Set AlarmActions (e.g. an SNS topic ARN) and keep ActionsEnabled true.',
  remediationTerraform: 'Set alarm_actions (for example an SNS topic ARN) on the aws_cloudwatch_metric_alarm or aws_cloudwatch_composite_alarm, and leave actions_enabled at its default of true.',
  references: { guard: ['CLOUDWATCH_ALARM_ACTION_CHECK'] },
  evaluate(r) {
    const enabled = r.get('ActionsEnabled');
    const ev = [...ACTIONS.map((a) => r.evidence(a)), r.evidence('ActionsEnabled', enabled)];
    if (enabled && enabled.k === 'unknown') return r.unknown('ActionsEnabled is only known at deploy time', enabled, undefined, ev);
    if (asBool(enabled) === false) return r.fail('ActionsEnabled is false: the alarm takes no action on state changes', r.locate('ActionsEnabled'), ev);
    const d = any(ACTIONS.map((a) => decide(r.get(a), isPresent)));
    const present = ACTIONS.find((a) => r.get(a));
    const at = r.locate(present ?? 'AlarmActions');
    if (d === true) return r.pass('the alarm has actions for its state changes', at, ev);
    if (d === false) return r.fail('no AlarmActions, OKActions or InsufficientDataActions: nobody is notified when the alarm fires', at, ev);
    return r.unknown('cannot tell whether the alarm has actions', d.unknown, at, ev);
  },
});
