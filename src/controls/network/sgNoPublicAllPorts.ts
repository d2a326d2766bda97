import { all, defineControl } from '../api.js';
import { allPorts, describeRule, openToWorld } from '../lib/network.js';
import { checkRules, SG_TYPES } from './sgRuleCheck.js';

export default defineControl({
  id: 'AT-SG-003',
  title: 'Security groups do not allow all ports or protocols from the internet',
  domain: 'network',
  severity: 'critical',
  resourceTypes: SG_TYPES,
  rationale: 'A rule admitting every protocol or the whole port range from any address removes the security group as a boundary: every listening service on the attached resources becomes reachable.',
  remediation: 'Replace IpProtocol -1 or 0-65535 rules from 0.0.0.0/0 or ::/0 with rules for the specific ports the workload serves, or restrict the source.',
  remediationTerraform: 'Replace rules with protocol "-1" or ports 0-65535 from 0.0.0.0/0 or ::/0 (ingress blocks of the aws_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule) with rules for the specific ports the workload serves, or restrict the source.',
  references: { cfn_nag: ['W42'] },
  evaluate(r) {
    return checkRules(r, {
      direction: 'ingress',
      violates: (rule) => all([openToWorld(rule), allPorts(rule)]),
      fail: (rule) => `${describeRule(rule)} admits every port${rule.protocol === '-1' ? ' and protocol' : ''} from the internet`,
      pass: 'no ingress rule admits all ports or protocols from 0.0.0.0/0 or ::/0',
      none: 'the security group has no ingress rules',
    });
  },
});
