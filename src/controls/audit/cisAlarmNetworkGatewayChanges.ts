import { call, cisAlarmControl } from '../lib/cisAlarms.js';

export default cisAlarmControl({
  id: 'AT-CW-013',
  cis: '4.12',
  title: "A metric filter and alarm watch for network gateway changes",
  what: "network gateway changes",
  severity: 'medium',
  rationale: "Internet and customer gateways are the VPC's ways in and out; creating or attaching one can route traffic around the intended perimeter.",
  samples: [
    ...['CreateCustomerGateway', 'DeleteCustomerGateway', 'AttachInternetGateway', 'CreateInternetGateway', 'DeleteInternetGateway', 'DetachInternetGateway'].map((n) => ({ label: n, event: call('ec2', n) })),
  ],
  ignore: [call('ec2', 'DescribeInternetGateways')],
  example: "{ ($.eventName = CreateCustomerGateway) || ($.eventName = DeleteCustomerGateway) || ($.eventName = AttachInternetGateway) || ($.eventName = CreateInternetGateway) || ($.eventName = DeleteInternetGateway) || ($.eventName = DetachInternetGateway) }",
});
