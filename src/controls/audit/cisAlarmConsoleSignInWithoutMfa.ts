import { call, cisAlarmControl } from '../lib/cisAlarms.js';

export default cisAlarmControl({
  id: 'AT-CW-003',
  cis: '4.2',
  title: "A metric filter and alarm watch for console sign-ins without MFA",
  what: "console sign-ins without MFA",
  severity: 'medium',
  rationale: "A console sign-in without a second factor means a password alone opened the account; watching for it shows users who bypass the MFA requirement.",
  samples: [
    { label: "a successful console sign-in without MFA", event: { ...call('signin', 'ConsoleLogin'), eventType: 'AwsConsoleSignIn', additionalEventData: { MFAUsed: 'No', LoginTo: 'https://console.aws.amazon.com/' }, responseElements: { ConsoleLogin: 'Success' } } },
  ],
  ignore: [{ ...call('signin', 'ConsoleLogin'), eventType: 'AwsConsoleSignIn', additionalEventData: { MFAUsed: 'Yes' }, responseElements: { ConsoleLogin: 'Success' } }],
  example: "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") }",
});
