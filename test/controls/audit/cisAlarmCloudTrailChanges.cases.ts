import control from '../../../src/controls/audit/cisAlarmCloudTrailChanges.js';
import { cisCases } from '../builders/cisAlarms.js';

// CIS AWS Foundations 4.5: patterns that must pass, and near misses that must fail.
export default cisCases(control, [
  "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }",
  "{ ($.eventSource = cloudtrail.amazonaws.com) && (($.eventName = \"CreateTrail\") || ($.eventName = \"UpdateTrail\") || ($.eventName = \"DeleteTrail\") || ($.eventName = \"StartLogging\") || ($.eventName = \"StopLogging\")) }",
], [
  "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) }",
  "{ ($.eventName = CreateTrail) && ($.eventName = UpdateTrail) && ($.eventName = DeleteTrail) && ($.eventName = StartLogging) && ($.eventName = StopLogging) }",
  "{ ($.eventSource = cloudtrail.amazonaws.com) }",
]);
