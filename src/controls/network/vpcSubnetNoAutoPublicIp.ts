import { defineControl } from '../api.js';
import { isNotTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-VPC-002',
  title: 'Subnets do not assign public IP addresses automatically',
  domain: 'network',
  severity: 'medium',
  resourceTypes: ['AWS::EC2::Subnet'],
  rationale: 'With auto-assignment on, every instance or interface launched in the subnet gets an internet-routable address whether or not it was meant to be public.',
  remediation: 'Set MapPublicIpOnLaunch to false (or leave it unset) and give public addresses only to resources that need one, explicitly (Elastic IPs, load balancers).',
  remediationTerraform: 'Leave map_public_ip_on_launch on the aws_subnet unset or false (the provider\'s default) and give public addresses only to resources that need one, explicitly (Elastic IPs, load balancers).',
  references: { cfn_nag: ['W33'], trivy: ['AVD-AWS-0164'], guard: ['SUBNET_AUTO_ASSIGN_PUBLIC_IP_DISABLED'] },
  evaluate(r) {
    return r.expect('MapPublicIpOnLaunch', isNotTrue, {
      pass: 'the subnet does not auto-assign public IP addresses',
      fail: 'MapPublicIpOnLaunch is true: every instance launched here gets a public IP address',
      unknown: 'cannot tell whether MapPublicIpOnLaunch is enabled',
    }, 'not set: false');
  },
});
