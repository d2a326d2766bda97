import control from '../../../src/controls/audit/cisAlarmConsoleAuthFailures.js';
import { cisCases } from '../builders/cisAlarms.js';

// CIS AWS Foundations 4.6: patterns that must pass, and near misses that must fail.
export default cisCases(control, [
  "{ ($.eventName = ConsoleLogin) && ($.errorMessage = \"Failed authentication\") }",
], [
  "{ ($.eventName = ConsoleLogin) }",
  "{ ($.errorMessage = \"Failed authentication\") && ($.eventName = SwitchRole) }",
]);
