import { call, cisAlarmControl } from '../lib/cisAlarms.js';

export default cisAlarmControl({
  id: 'AT-CW-012',
  cis: '4.11',
  title: "A metric filter and alarm watch for network ACL changes",
  what: "network ACL changes",
  severity: 'medium',
  rationale: "Network ACLs filter traffic for whole subnets; a changed entry can open or cut off every instance in them.",
  samples: [
    ...['CreateNetworkAcl', 'CreateNetworkAclEntry', 'DeleteNetworkAcl', 'DeleteNetworkAclEntry', 'ReplaceNetworkAclEntry', 'ReplaceNetworkAclAssociation'].map((n) => ({ label: n, event: call('ec2', n) })),
  ],
  ignore: [call('ec2', 'DescribeNetworkAcls')],
  example: "{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) }",
});
