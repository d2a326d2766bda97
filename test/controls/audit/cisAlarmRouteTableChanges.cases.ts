import control from '../../../src/controls/audit/cisAlarmRouteTableChanges.js';
import { cisCases } from '../builders/cisAlarms.js';

// CIS AWS Foundations 4.13: patterns that must pass, and near misses that must fail.
export default cisCases(control, [
  "{ ($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable) }",
  "{ ($.eventSource = ec2.amazonaws.com) && (($.eventName = \"CreateRoute\") || ($.eventName = \"CreateRouteTable\") || ($.eventName = \"ReplaceRoute\") || ($.eventName = \"ReplaceRouteTableAssociation\") || ($.eventName = \"DeleteRouteTable\") || ($.eventName = \"DeleteRoute\") || ($.eventName = \"DisassociateRouteTable\")) }",
], [
  "{ ($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) }",
  "{ ($.eventName = CreateRoute) && ($.eventName = CreateRouteTable) && ($.eventName = ReplaceRoute) && ($.eventName = ReplaceRouteTableAssociation) && ($.eventName = DeleteRouteTable) && ($.eventName = DeleteRoute) && ($.eventName = DisassociateRouteTable) }",
  "{ ($.eventSource = ec2.amazonaws.com) }",
]);
