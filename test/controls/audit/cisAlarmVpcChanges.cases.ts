import control from '../../../src/controls/audit/cisAlarmVpcChanges.js';
import { cisCases } from '../builders/cisAlarms.js';

// CIS AWS Foundations 4.14: patterns that must pass, and near misses that must fail.
export default cisCases(control, [
  "{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || ($.eventName = DeleteVpcPeeringConnection) || ($.eventName = RejectVpcPeeringConnection) || ($.eventName = AttachClassicLinkVpc) || ($.eventName = DetachClassicLinkVpc) || ($.eventName = DisableVpcClassicLink) || ($.eventName = EnableVpcClassicLink) }",
  "{ ($.eventSource = ec2.amazonaws.com) && (($.eventName = \"CreateVpc\") || ($.eventName = \"DeleteVpc\") || ($.eventName = \"ModifyVpcAttribute\") || ($.eventName = \"AcceptVpcPeeringConnection\") || ($.eventName = \"CreateVpcPeeringConnection\") || ($.eventName = \"DeleteVpcPeeringConnection\") || ($.eventName = \"RejectVpcPeeringConnection\") || ($.eventName = \"AttachClassicLinkVpc\") || ($.eventName = \"DetachClassicLinkVpc\") || ($.eventName = \"DisableVpcClassicLink\") || ($.eventName = \"EnableVpcClassicLink\")) }",
], [
  "{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || ($.eventName = DeleteVpcPeeringConnection) || ($.eventName = RejectVpcPeeringConnection) || ($.eventName = AttachClassicLinkVpc) || ($.eventName = DetachClassicLinkVpc) || ($.eventName = DisableVpcClassicLink) }",
  "{ ($.eventName = CreateVpc) && ($.eventName = DeleteVpc) && ($.eventName = ModifyVpcAttribute) && ($.eventName = AcceptVpcPeeringConnection) && ($.eventName = CreateVpcPeeringConnection) && ($.eventName = DeleteVpcPeeringConnection) && ($.eventName = RejectVpcPeeringConnection) && ($.eventName = AttachClassicLinkVpc) && ($.eventName = DetachClassicLinkVpc) && ($.eventName = DisableVpcClassicLink) && ($.eventName = EnableVpcClassicLink) }",
  "{ ($.eventSource = ec2.amazonaws.com) }",
]);
