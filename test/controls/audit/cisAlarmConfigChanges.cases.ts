import control from '../../../src/controls/audit/cisAlarmConfigChanges.js';
import { cisCases } from '../builders/cisAlarms.js';

// CIS AWS Foundations 4.9: patterns that must pass, and near misses that must fail.
export default cisCases(control, [
  "{ ($.eventName = StopConfigurationRecorder) || ($.eventName = DeleteDeliveryChannel) || ($.eventName = PutDeliveryChannel) || ($.eventName = PutConfigurationRecorder) }",
  "{ ($.eventSource = config.amazonaws.com) && (($.eventName = \"StopConfigurationRecorder\") || ($.eventName = \"DeleteDeliveryChannel\") || ($.eventName = \"PutDeliveryChannel\") || ($.eventName = \"PutConfigurationRecorder\")) }",
], [
  "{ ($.eventName = StopConfigurationRecorder) || ($.eventName = DeleteDeliveryChannel) || ($.eventName = PutDeliveryChannel) }",
  "{ ($.eventName = StopConfigurationRecorder) && ($.eventName = DeleteDeliveryChannel) && ($.eventName = PutDeliveryChannel) && ($.eventName = PutConfigurationRecorder) }",
  "{ ($.eventSource = config.amazonaws.com) }",
]);
