import { call, cisAlarmControl } from '../lib/cisAlarms.js';

export default cisAlarmControl({
  id: 'AT-CW-010',
  cis: '4.9',
  title: "A metric filter and alarm watch for AWS Config configuration changes",
  what: "AWS Config configuration changes",
  severity: 'medium',
  rationale: "Stopping the configuration recorder or removing its delivery channel blinds the inventory and compliance history of the account.",
  samples: [
    ...['StopConfigurationRecorder', 'DeleteDeliveryChannel', 'PutDeliveryChannel', 'PutConfigurationRecorder'].map((n) => ({ label: n, event: call('config', n) })),
  ],
  ignore: [call('config', 'DescribeConfigurationRecorders')],
  example: "{ ($.eventSource = config.amazonaws.com) && (($.eventName = StopConfigurationRecorder) || ($.eventName = DeleteDeliveryChannel) || ($.eventName = PutDeliveryChannel) || ($.eventName = PutConfigurationRecorder)) }",
});
