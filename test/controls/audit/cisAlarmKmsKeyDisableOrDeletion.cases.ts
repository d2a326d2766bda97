import control from '../../../src/controls/audit/cisAlarmKmsKeyDisableOrDeletion.js';
import { cisCases } from '../builders/cisAlarms.js';

// CIS AWS Foundations 4.7: patterns that must pass, and near misses that must fail.
export default cisCases(control, [
  "{($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey)||($.eventName=ScheduleKeyDeletion)) }",
], [
  "{ ($.eventSource = kms.amazonaws.com) }",
  "{ ($.eventName = DisableKey) }",
]);
