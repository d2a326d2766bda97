import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-NFW-002',
  title: 'Network Firewall firewalls protect their subnet associations from change',
  domain: 'network',
  severity: 'low',
  resourceTypes: ['AWS::NetworkFirewall::Firewall'],
  rationale: 'Changing the subnets a firewall has endpoints in can leave an Availability Zone without inspection. Subnet change protection requires turning the flag off before the subnet mappings can be changed, so the change cannot happen by accident.',
  remediation: 'Set SubnetChangeProtection: true on the AWS::NetworkFirewall::Firewall.',
  remediationTerraform: 'Set subnet_change_protection = true on the aws_networkfirewall_firewall.',
  references: {},
  evaluate(r) {
    return r.expect('SubnetChangeProtection', isTrue, {
      pass: 'subnet change protection is enabled',
      fail: 'SubnetChangeProtection is not true (it defaults to false): the firewall\'s subnet associations can be changed without first turning protection off',
      unknown: 'subnet change protection depends on a deploy-time value',
    });
  },
});
