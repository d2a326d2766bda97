import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-NFW-003',
  title: 'Network Firewall firewalls protect their policy association from change',
  domain: 'network',
  severity: 'low',
  resourceTypes: ['AWS::NetworkFirewall::Firewall'],
  rationale: 'Swapping the policy a firewall enforces changes every rule it applies at once. Firewall policy change protection requires turning the flag off before another policy can be associated, so a permissive policy cannot be swapped in by accident.',
  remediation: 'Set FirewallPolicyChangeProtection: true on the AWS::NetworkFirewall::Firewall.',
  remediationTerraform: 'Set firewall_policy_change_protection = true on the aws_networkfirewall_firewall.',
  references: {},
  evaluate(r) {
    return r.expect('FirewallPolicyChangeProtection', isTrue, {
      pass: 'firewall policy change protection is enabled',
      fail: 'FirewallPolicyChangeProtection is not true (it defaults to false): another policy can be associated without first turning protection off',
      unknown: 'firewall policy change protection depends on a deploy-time value',
    });
  },
});
