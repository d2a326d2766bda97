import control from '../../../src/controls/audit/cisAlarmConsoleSignInWithoutMfa.js';
import { cisCases } from '../builders/cisAlarms.js';

// CIS AWS Foundations 4.2: patterns that must pass, and near misses that must fail.
export default cisCases(control, [
  "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") }",
  "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") && ($.userIdentity.type = \"IAMUser\") && ($.responseElements.ConsoleLogin = \"Success\") }",
], [
  "{ ($.eventName = \"ConsoleLogin\") }",
  "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed = \"Yes\") }",
]);
