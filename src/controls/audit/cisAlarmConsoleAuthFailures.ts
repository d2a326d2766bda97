import { call, cisAlarmControl } from '../lib/cisAlarms.js';

export default cisAlarmControl({
  id: 'AT-CW-007',
  cis: '4.6',
  title: "A metric filter and alarm watch for failed console sign-ins",
  what: "failed console sign-ins",
  severity: 'low',
  rationale: "Repeated failed console sign-ins point at password guessing against the account's users.",
  samples: [
    { label: "a failed console sign-in", event: { ...call('signin', 'ConsoleLogin'), eventType: 'AwsConsoleSignIn', errorMessage: 'Failed authentication', additionalEventData: { MFAUsed: 'No' }, responseElements: { ConsoleLogin: 'Failure' } } },
  ],
  ignore: [{ ...call('signin', 'ConsoleLogin'), eventType: 'AwsConsoleSignIn', additionalEventData: { MFAUsed: 'Yes' }, responseElements: { ConsoleLogin: 'Success' } }],
  example: "{ ($.eventName = ConsoleLogin) && ($.errorMessage = \"Failed authentication\") }",
});
