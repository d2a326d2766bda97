import { call, cisAlarmControl } from '../lib/cisAlarms.js';

export default cisAlarmControl({
  id: 'AT-CW-008',
  cis: '4.7',
  title: "A metric filter and alarm watch for disabling or scheduled deletion of KMS keys",
  what: "disabling or scheduled deletion of customer managed KMS keys",
  severity: 'medium',
  rationale: "Data encrypted under a disabled or deleted key cannot be read; an alert leaves time to cancel a deletion during its waiting period.",
  samples: [
    ...['DisableKey', 'ScheduleKeyDeletion'].map((n) => ({ label: n, event: call('kms', n) })),
  ],
  ignore: [call('kms', 'Decrypt'), call('kms', 'EnableKey')],
  example: "{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }",
});
