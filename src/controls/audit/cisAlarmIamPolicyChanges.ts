import { call, cisAlarmControl } from '../lib/cisAlarms.js';

export default cisAlarmControl({
  id: 'AT-CW-005',
  cis: '4.4',
  title: "A metric filter and alarm watch for IAM policy changes",
  what: "IAM policy changes",
  severity: 'medium',
  rationale: "Changing, attaching or detaching IAM policies changes who may do what; an alert on each change lets the owner confirm it was intended.",
  samples: [
    ...['DeleteGroupPolicy', 'DeleteRolePolicy', 'DeleteUserPolicy', 'PutGroupPolicy', 'PutRolePolicy', 'PutUserPolicy', 'CreatePolicy', 'DeletePolicy', 'CreatePolicyVersion', 'DeletePolicyVersion', 'AttachRolePolicy', 'DetachRolePolicy', 'AttachUserPolicy', 'DetachUserPolicy', 'AttachGroupPolicy', 'DetachGroupPolicy'].map((n) => ({ label: n, event: call('iam', n) })),
  ],
  ignore: [call('iam', 'GetPolicy')],
  example: "{ ($.eventName = DeleteGroupPolicy) || ($.eventName = PutRolePolicy) || ($.eventName = AttachRolePolicy) || ... }",
});
