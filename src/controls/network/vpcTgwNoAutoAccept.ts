import { defineControl } from '../api.js';
import { noneOf } from '../predicates.js';

export default defineControl({
  id: 'AT-VPC-007',
  title: 'Transit gateways do not accept shared attachments automatically',
  domain: 'network',
  severity: 'medium',
  resourceTypes: ['AWS::EC2::TransitGateway'],
  rationale: 'With automatic acceptance, any account the transit gateway is shared with can attach its own VPC and, through the default route table, reach every network already attached. Requiring acceptance keeps each new network connection a reviewed decision.',
  remediation: 'Leave AutoAcceptSharedAttachments unset or set it to disable.',
  remediationTerraform: 'Leave auto_accept_shared_attachments on the aws_ec2_transit_gateway unset or "disable" (the default).',
  references: { checkov: ['CKV_AWS_331'] },
  evaluate(r) {
    return r.expect('AutoAcceptSharedAttachments', noneOf(['enable'], true), {
      pass: 'attachment requests from shared accounts must be accepted explicitly (AutoAcceptSharedAttachments is disable, the default)',
      fail: 'AutoAcceptSharedAttachments is enable: any account the gateway is shared with can attach a VPC without review',
      unknown: 'automatic acceptance depends on a deploy-time value',
    });
  },
});
