import { call, cisAlarmControl } from '../lib/cisAlarms.js';

export default cisAlarmControl({
  id: 'AT-CW-016',
  cis: '4.15',
  title: "A metric filter and alarm watch for AWS Organizations changes",
  what: "AWS Organizations changes",
  severity: 'medium',
  rationale: "Changes to the organisation (accounts, organisational units, service control policies) alter the guard rails of every member account.",
  samples: [
    ...['AcceptHandshake', 'AttachPolicy', 'CreateAccount', 'CreateOrganizationalUnit', 'CreatePolicy', 'DeclineHandshake', 'DeleteOrganization', 'DeleteOrganizationalUnit', 'DeletePolicy', 'DetachPolicy', 'DisablePolicyType', 'EnablePolicyType', 'InviteAccountToOrganization', 'LeaveOrganization', 'MoveAccount', 'RemoveAccountFromOrganization', 'UpdatePolicy', 'UpdateOrganizationalUnit'].map((n) => ({ label: n, event: call('organizations', n) })),
  ],
  ignore: [call('organizations', 'ListAccounts')],
  example: "{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = \"AcceptHandshake\") || ($.eventName = \"AttachPolicy\") || ($.eventName = \"CreateAccount\") || ... ) }",
});
