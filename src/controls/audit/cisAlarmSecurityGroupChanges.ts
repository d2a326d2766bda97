import { call, cisAlarmControl } from '../lib/cisAlarms.js';

export default cisAlarmControl({
  id: 'AT-CW-011',
  cis: '4.10',
  title: "A metric filter and alarm watch for security group changes",
  what: "security group changes",
  severity: 'medium',
  rationale: "Security groups are the instance-level firewall; an unexpected rule change can expose a service to the internet.",
  samples: [
    ...['AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress', 'RevokeSecurityGroupIngress', 'RevokeSecurityGroupEgress', 'CreateSecurityGroup', 'DeleteSecurityGroup'].map((n) => ({ label: n, event: call('ec2', n) })),
  ],
  ignore: [call('ec2', 'DescribeSecurityGroups')],
  example: "{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }",
});
