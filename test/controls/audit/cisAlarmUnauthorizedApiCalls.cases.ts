import control from '../../../src/controls/audit/cisAlarmUnauthorizedApiCalls.js';
import { cisCases } from '../builders/cisAlarms.js';

// CIS AWS Foundations 4.1: patterns that must pass, and near misses that must fail.
export default cisCases(control, [
  "{ ($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\") && ($.sourceIPAddress!=\"delivery.logs.amazonaws.com\") && ($.eventName!=\"HeadBucket\") }",
  "{ ($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\") }",
], [
  "{ ($.errorCode = \"AccessDenied*\") }",
  "{ ($.errorCode = \"*UnauthorizedOperation\") && ($.errorCode = \"AccessDenied*\") }",
]);
