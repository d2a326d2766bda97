import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-NFW-001',
  title: 'Network Firewall firewalls have deletion protection enabled',
  domain: 'resilience',
  severity: 'medium',
  resourceTypes: ['AWS::NetworkFirewall::Firewall'],
  rationale: 'A firewall that inspects a VPC\'s traffic can be removed by a single API call or a stack change; the traffic then flows uninspected (or not at all, if routes still point at the deleted endpoints). Deletion protection makes removing it a deliberate two-step action.',
  remediation: 'Set DeleteProtection: true on the AWS::NetworkFirewall::Firewall.',
  remediationTerraform: 'Set delete_protection = true on the aws_networkfirewall_firewall.',
  references: {},
  evaluate(r) {
    return r.expect('DeleteProtection', isTrue, {
      pass: 'deletion protection is enabled',
      fail: 'DeleteProtection is not true (it defaults to false): the firewall can be deleted without first turning protection off',
      unknown: 'deletion protection depends on a deploy-time value',
    });
  },
});
