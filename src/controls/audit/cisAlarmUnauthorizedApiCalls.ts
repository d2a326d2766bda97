import { call, cisAlarmControl } from '../lib/cisAlarms.js';

export default cisAlarmControl({
  id: 'AT-CW-002',
  cis: '4.1',
  title: "A metric filter and alarm watch for unauthorized API calls",
  what: "unauthorized API calls",
  severity: 'medium',
  rationale: "A burst of AccessDenied or UnauthorizedOperation errors is often the first sign of a leaked credential or an attacker probing what it may do.",
  samples: [
    { label: "an UnauthorizedOperation error", event: call('ec2', 'RunInstances', { errorCode: 'Client.UnauthorizedOperation', errorMessage: 'You are not authorized to perform this operation.' }) },
    { label: "an AccessDenied error", event: call('iam', 'ListUsers', { errorCode: 'AccessDenied', errorMessage: 'User is not authorized' }) },
  ],
  example: "{ ($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\") }",
});
