import control from '../../../src/controls/audit/cisAlarmSecurityGroupChanges.js';
import { cisCases } from '../builders/cisAlarms.js';

// CIS AWS Foundations 4.10: patterns that must pass, and near misses that must fail.
export default cisCases(control, [
  "{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }",
  "{ ($.eventSource = ec2.amazonaws.com) && (($.eventName = \"AuthorizeSecurityGroupIngress\") || ($.eventName = \"AuthorizeSecurityGroupEgress\") || ($.eventName = \"RevokeSecurityGroupIngress\") || ($.eventName = \"RevokeSecurityGroupEgress\") || ($.eventName = \"CreateSecurityGroup\") || ($.eventName = \"DeleteSecurityGroup\")) }",
], [
  "{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) }",
  "{ ($.eventName = AuthorizeSecurityGroupIngress) && ($.eventName = AuthorizeSecurityGroupEgress) && ($.eventName = RevokeSecurityGroupIngress) && ($.eventName = RevokeSecurityGroupEgress) && ($.eventName = CreateSecurityGroup) && ($.eventName = DeleteSecurityGroup) }",
  "{ ($.eventSource = ec2.amazonaws.com) }",
]);
