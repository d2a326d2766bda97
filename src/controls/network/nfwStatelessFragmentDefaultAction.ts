import { defineControl } from '../api.js';
import { holdsAnyOf } from '../lib/workloads.js';

export default defineControl({
  id: 'AT-NFW-006',
  title: 'Network Firewall policies drop or inspect fragmented packets no stateless rule matches',
  domain: 'network',
  severity: 'medium',
  resourceTypes: ['AWS::NetworkFirewall::FirewallPolicy'],
  rationale: 'Fragmented packets have their own default action. Letting them pass (aws:pass) while full packets are inspected leaves a way around the stateful rules: split the traffic into fragments.',
  remediation: 'Set FirewallPolicy.StatelessFragmentDefaultActions to [aws:forward_to_sfe] (or [aws:drop]).',
  remediationTerraform: 'Set firewall_policy { stateless_fragment_default_actions = ["aws:forward_to_sfe"] (or ["aws:drop"]) } on the aws_networkfirewall_firewall_policy.',
  references: {},
  evaluate(r) {
    return r.expect('FirewallPolicy.StatelessFragmentDefaultActions', holdsAnyOf(['aws:forward_to_sfe', 'aws:drop']), {
      pass: 'fragmented packets no stateless rule matches are forwarded to the stateful engine or dropped',
      fail: 'StatelessFragmentDefaultActions neither forwards to the stateful engine (aws:forward_to_sfe) nor drops (aws:drop): unmatched fragments pass uninspected',
      unknown: 'the stateless fragment default action depends on a deploy-time value',
    });
  },
});
