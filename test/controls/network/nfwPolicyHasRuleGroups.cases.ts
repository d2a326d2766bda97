import control from '../../../src/controls/network/nfwPolicyHasRuleGroups.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Policy:
    Type: AWS::NetworkFirewall::FirewallPolicy
    Properties:
      FirewallPolicyName: edge
      FirewallPolicy:
        StatelessDefaultActions: [aws:forward_to_sfe]
        StatelessFragmentDefaultActions: [aws:forward_to_sfe]
        StatefulRuleGroupReferences: # <--
          - ResourceArn: arn:aws:network-firewall:eu-west-1:111122223333:stateful-rulegroup/domains
`,
    tf(`resource "aws_networkfirewall_firewall_policy" "edge" {
  name = "edge"

  firewall_policy {
    stateless_default_actions          = ["aws:forward_to_sfe"]
    stateless_fragment_default_actions = ["aws:forward_to_sfe"]

    stateful_rule_group_reference { # <--
      resource_arn = "arn:aws:network-firewall:eu-west-1:111122223333:stateful-rulegroup/domains"
    }
  }
}
`, { name: 'one stateful rule group' }),
  ],
  fail: [
    `Resources:
  Policy:
    Type: AWS::NetworkFirewall::FirewallPolicy
    Properties:
      FirewallPolicyName: edge
      FirewallPolicy: # <--
        StatelessDefaultActions: [aws:forward_to_sfe]
        StatelessFragmentDefaultActions: [aws:forward_to_sfe]
`,
    tf(`resource "aws_networkfirewall_firewall_policy" "edge" {
  name = "edge"

  firewall_policy { # <--
    stateless_default_actions          = ["aws:forward_to_sfe"]
    stateless_fragment_default_actions = ["aws:forward_to_sfe"]
  }
}
`, { name: 'no rule group' }),
  ],
});
