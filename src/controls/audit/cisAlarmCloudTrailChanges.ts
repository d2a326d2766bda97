import { call, cisAlarmControl } from '../lib/cisAlarms.js';

export default cisAlarmControl({
  id: 'AT-CW-006',
  cis: '4.5',
  title: "A metric filter and alarm watch for CloudTrail configuration changes",
  what: "CloudTrail configuration changes",
  severity: 'medium',
  rationale: "Stopping or changing a trail is how an intruder hides later activity; an alert on it catches the attempt while it happens.",
  samples: [
    ...['CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging'].map((n) => ({ label: n, event: call('cloudtrail', n) })),
  ],
  ignore: [call('cloudtrail', 'DescribeTrails')],
  example: "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }",
});
