import { all, defineControl } from '../api.js';
import { allProtocols, describeRule, openToWorld } from '../lib/network.js';
import { checkRules, SG_TYPES } from './sgRuleCheck.js';

export default defineControl({
  id: 'AT-SG-005',
  title: 'Security groups do not allow unrestricted egress',
  domain: 'network',
  severity: 'low',
  resourceTypes: SG_TYPES,
  rationale: 'Allow-all egress lets a compromised workload download tooling and exfiltrate data to any host. AWS adds such a rule to every security group unless SecurityGroupEgress is declared.',
  remediation: 'Declare SecurityGroupEgress with the destinations and ports the workload needs (for example TCP 443 to a prefix list or VPC endpoint security group), which replaces the default allow-all rule.',
  remediationTerraform: 'Write egress blocks on the aws_security_group (or aws_vpc_security_group_egress_rule resources) only for the destinations and ports the workload needs, for example TCP 443 to a prefix list or a VPC endpoint\'s security group, instead of all protocols to 0.0.0.0/0.',
  references: { cfn_nag: ['W5', 'W40', 'F1000'], guard: ['SECURITY_GROUP_MISSING_EGRESS_RULE'] },
  evaluate(r) {
    return checkRules(r, {
      direction: 'egress',
      violates: (rule) => all([openToWorld(rule), allProtocols(rule)]),
      fail: (rule) => rule.implicit
        ? 'SecurityGroupEgress is not declared, so AWS keeps the default rule allowing all traffic to 0.0.0.0/0'
        : `${describeRule(rule)} allows all outbound traffic to the internet`,
      pass: 'egress is declared and no rule allows all protocols to 0.0.0.0/0 or ::/0',
      none: 'the security group declares no egress rules',
    });
  },
});
