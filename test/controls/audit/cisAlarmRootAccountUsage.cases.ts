import control from '../../../src/controls/audit/cisAlarmRootAccountUsage.js';
import { cisCases } from '../builders/cisAlarms.js';

// CIS AWS Foundations 4.3: patterns that must pass, and near misses that must fail.
export default cisCases(control, [
  "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }",
], [
  "{ $.userIdentity.type = \"root\" }",
  "{ $.userIdentity.type = \"Root\" && $.eventType = \"AwsServiceEvent\" }",
]);
