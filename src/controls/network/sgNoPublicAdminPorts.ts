import { all, defineControl } from '../api.js';
import { coversAnyPort, describeRule, openToWorld, portsCovered } from '../lib/network.js';
import { checkRules, SG_TYPES } from './sgRuleCheck.js';

const ADMIN: Record<number, string> = { 22: 'SSH', 3389: 'RDP' };
const PORTS = Object.keys(ADMIN).map(Number);

export default defineControl({
  id: 'AT-SG-001',
  title: 'Security groups do not allow ingress from the internet to SSH or RDP',
  domain: 'network',
  severity: 'critical',
  resourceTypes: SG_TYPES,
  rationale: 'Remote administration ports reachable from any address are scanned and brute-forced within minutes of exposure; a single weak credential or unpatched daemon then gives an attacker a shell.',
  remediation: 'Remove 0.0.0.0/0 and ::/0 rules for ports 22 and 3389; reach instances through SSM Session Manager, a bastion in a restricted security group, or a VPN CIDR.',
  remediationTerraform: 'Remove rules opening ports 22 and 3389 to 0.0.0.0/0 or ::/0 (cidr_blocks / ipv6_cidr_blocks in ingress blocks of the aws_security_group or in an aws_security_group_rule, cidr_ipv4 / cidr_ipv6 of an aws_vpc_security_group_ingress_rule); reach instances through SSM Session Manager, a bastion in a restricted security group, or a VPN CIDR.',
  references: { checkov: ['CKV_AWS_24', 'CKV_AWS_25'], trivy: ['AVD-AWS-0107'], guard: ['RESTRICTED_SSH'] },
  evaluate(r) {
    return checkRules(r, {
      direction: 'ingress',
      violates: (rule) => all([openToWorld(rule), coversAnyPort(rule, PORTS)]),
      fail: (rule) => `${describeRule(rule)} exposes ${portsCovered(rule, PORTS).map((p) => `${ADMIN[p]} (${p})`).join(' and ') || 'an administration port'} to the internet`,
      pass: 'no ingress rule opens SSH (22) or RDP (3389) to 0.0.0.0/0 or ::/0',
      none: 'the security group has no ingress rules',
    });
  },
});
