import { call, cisAlarmControl } from '../lib/cisAlarms.js';

export default cisAlarmControl({
  id: 'AT-CW-015',
  cis: '4.14',
  title: "A metric filter and alarm watch for VPC changes",
  what: "VPC changes",
  severity: 'medium',
  rationale: "Creating, deleting or peering VPCs changes which networks can reach each other.",
  samples: [
    ...['CreateVpc', 'DeleteVpc', 'ModifyVpcAttribute', 'AcceptVpcPeeringConnection', 'CreateVpcPeeringConnection', 'DeleteVpcPeeringConnection', 'RejectVpcPeeringConnection', 'AttachClassicLinkVpc', 'DetachClassicLinkVpc', 'DisableVpcClassicLink', 'EnableVpcClassicLink'].map((n) => ({ label: n, event: call('ec2', n) })),
  ],
  ignore: [call('ec2', 'DescribeVpcs')],
  example: "{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || ... }",
});
