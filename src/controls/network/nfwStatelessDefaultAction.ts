import { defineControl } from '../api.js';
import { holdsAnyOf } from '../lib/workloads.js';

export default defineControl({
  id: 'AT-NFW-005',
  title: 'Network Firewall policies drop or inspect packets no stateless rule matches',
  domain: 'network',
  severity: 'medium',
  resourceTypes: ['AWS::NetworkFirewall::FirewallPolicy'],
  rationale: 'The stateless default action applies to every full packet no stateless rule matched. aws:pass lets those packets through without the stateful engine ever seeing them, so the stateful rules inspect nothing that reaches the default; aws:forward_to_sfe hands them to the stateful rules and aws:drop refuses them.',
  remediation: 'Set FirewallPolicy.StatelessDefaultActions to [aws:forward_to_sfe] (or [aws:drop]).',
  remediationTerraform: 'Set firewall_policy { stateless_default_actions = ["aws:forward_to_sfe"] (or ["aws:drop"]) } on the aws_networkfirewall_firewall_policy.',
  references: {},
  evaluate(r) {
    return r.expect('FirewallPolicy.StatelessDefaultActions', holdsAnyOf(['aws:forward_to_sfe', 'aws:drop']), {
      pass: 'packets no stateless rule matches are forwarded to the stateful engine or dropped',
      fail: 'StatelessDefaultActions neither forwards to the stateful engine (aws:forward_to_sfe) nor drops (aws:drop): unmatched packets pass uninspected',
      unknown: 'the stateless default action depends on a deploy-time value',
    });
  },
});
