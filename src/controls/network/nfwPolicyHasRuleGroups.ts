import { defineControl, type Outcome } from '../api.js';

const LISTS = ['FirewallPolicy.StatefulRuleGroupReferences', 'FirewallPolicy.StatelessRuleGroupReferences'];

export default defineControl({
  id: 'AT-NFW-007',
  title: 'Network Firewall policies reference at least one rule group',
  domain: 'network',
  severity: 'medium',
  resourceTypes: ['AWS::NetworkFirewall::FirewallPolicy'],
  rationale: 'A policy with no stateless or stateful rule group applies only its default actions: the firewall then either passes or drops everything, and enforces nothing specific to the workload.',
  remediation: 'Add FirewallPolicy.StatefulRuleGroupReferences (or StatelessRuleGroupReferences) naming an AWS::NetworkFirewall::RuleGroup.',
  remediationTerraform: 'Add a stateful_rule_group_reference (or stateless_rule_group_reference) block naming an aws_networkfirewall_rule_group to the firewall_policy block of the aws_networkfirewall_firewall_policy.',
  references: {},
  evaluate(r): Outcome {
    for (const path of LISTS) {
      const v = r.get(path);
      if (v?.k === 'list' && v.items.length > 0) return r.pass(`the policy references ${v.items.length} rule group(s) (${path.split('.')[1]})`, r.locate(path), [r.evidence(path)]);
    }
    for (const path of LISTS) {
      const v = r.get(path);
      if (v?.k === 'unknown') return r.unknown('the rule groups of the policy are not known', v, r.locate(path), [r.evidence(path)]);
    }
    return r.fail('the policy references no stateless or stateful rule group: only its default actions apply', r.locate('FirewallPolicy'), LISTS.map((p) => r.evidence(p)));
  },
});
