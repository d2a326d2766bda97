import control from '../../../src/controls/audit/cisAlarmNaclChanges.js';
import { cisCases } from '../builders/cisAlarms.js';

// CIS AWS Foundations 4.11: patterns that must pass, and near misses that must fail.
export default cisCases(control, [
  "{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) }",
  "{ ($.eventSource = ec2.amazonaws.com) && (($.eventName = \"CreateNetworkAcl\") || ($.eventName = \"CreateNetworkAclEntry\") || ($.eventName = \"DeleteNetworkAcl\") || ($.eventName = \"DeleteNetworkAclEntry\") || ($.eventName = \"ReplaceNetworkAclEntry\") || ($.eventName = \"ReplaceNetworkAclAssociation\")) }",
], [
  "{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) }",
  "{ ($.eventName = CreateNetworkAcl) && ($.eventName = CreateNetworkAclEntry) && ($.eventName = DeleteNetworkAcl) && ($.eventName = DeleteNetworkAclEntry) && ($.eventName = ReplaceNetworkAclEntry) && ($.eventName = ReplaceNetworkAclAssociation) }",
  "{ ($.eventSource = ec2.amazonaws.com) }",
]);
