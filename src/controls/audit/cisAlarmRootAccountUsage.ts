import { call, cisAlarmControl } from '../lib/cisAlarms.js';

export default cisAlarmControl({
  id: 'AT-CW-004',
  cis: '4.3',
  title: "A metric filter and alarm watch for use of the root user",
  what: "use of the root user",
  severity: 'high',
  rationale: "The root user cannot be restricted by IAM policies; any call it makes outside the few tasks that need it deserves immediate attention.",
  samples: [
    { label: "an API call by the root user", event: { ...call('iam', 'CreateAccessKey'), userIdentity: { type: 'Root', arn: 'arn:aws:iam::111122223333:root' } } },
    { label: "a console sign-in by the root user", event: { ...call('signin', 'ConsoleLogin'), eventType: 'AwsConsoleSignIn', userIdentity: { type: 'Root' }, additionalEventData: { MFAUsed: 'Yes' }, responseElements: { ConsoleLogin: 'Success' } } },
  ],
  example: "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }",
});
