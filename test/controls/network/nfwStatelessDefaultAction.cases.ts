import control from '../../../src/controls/network/nfwStatelessDefaultAction.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Policy:
    Type: AWS::NetworkFirewall::FirewallPolicy
    Properties:
      FirewallPolicyName: edge
      FirewallPolicy:
        StatelessDefaultActions: [aws:forward_to_sfe] # <--
        StatelessFragmentDefaultActions: [aws:forward_to_sfe]
`,
    `Resources:
  Policy:
    Type: AWS::NetworkFirewall::FirewallPolicy
    Properties:
      FirewallPolicyName: edge
      FirewallPolicy:
        StatelessDefaultActions: [aws:drop, CustomMetric] # <--
        StatelessFragmentDefaultActions: [aws:drop]
`,
    tf(`resource "aws_networkfirewall_firewall_policy" "edge" {
  name = "edge"

  firewall_policy {
    stateless_default_actions = ["aws:forward_to_sfe"] # <--
    stateless_fragment_default_actions = ["aws:forward_to_sfe"]
  }
}
`, { name: 'forward to the stateful engine' }),
  ],
  fail: [
    `Resources:
  Policy:
    Type: AWS::NetworkFirewall::FirewallPolicy
    Properties:
      FirewallPolicyName: edge
      FirewallPolicy:
        StatelessDefaultActions: [aws:pass] # <--
        StatelessFragmentDefaultActions: [aws:forward_to_sfe]
`,
    tf(`resource "aws_networkfirewall_firewall_policy" "edge" {
  name = "edge"

  firewall_policy {
    stateless_default_actions = ["aws:pass"] # <--
    stateless_fragment_default_actions = ["aws:forward_to_sfe"]
  }
}
`, { name: 'aws:pass' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Action: { Type: String }
Resources:
  Policy:
    Type: AWS::NetworkFirewall::FirewallPolicy
    Properties:
      FirewallPolicyName: edge
      FirewallPolicy:
        StatelessDefaultActions: [!Ref Action] # <--
        StatelessFragmentDefaultActions: [aws:forward_to_sfe]
` },
    tf(`variable "actions" {
  type = list(string)
}

resource "aws_networkfirewall_firewall_policy" "edge" {
  name = "edge"

  firewall_policy {
    stateless_default_actions = var.actions # <--
    stateless_fragment_default_actions = ["aws:forward_to_sfe"]
  }
}
`, { name: 'actions from a variable without a value' }),
  ],
});
