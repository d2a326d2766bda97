import { call, cisAlarmControl } from '../lib/cisAlarms.js';

export default cisAlarmControl({
  id: 'AT-CW-014',
  cis: '4.13',
  title: "A metric filter and alarm watch for route table changes",
  what: "route table changes",
  severity: 'medium',
  rationale: "A changed route can send a subnet's traffic through an unintended gateway or peer.",
  samples: [
    ...['CreateRoute', 'CreateRouteTable', 'ReplaceRoute', 'ReplaceRouteTableAssociation', 'DeleteRouteTable', 'DeleteRoute', 'DisassociateRouteTable'].map((n) => ({ label: n, event: call('ec2', n) })),
  ],
  ignore: [call('ec2', 'DescribeRouteTables')],
  example: "{ ($.eventSource = ec2.amazonaws.com) && (($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable)) }",
});
