import { defineControl, type Outcome } from '../api.js';
import { describeRule, type SecurityGroupRule } from '../lib/network.js';
import { checkRules, SG_TYPES } from './sgRuleCheck.js';
import type { ResourceContext, Verdict } from '../api.js';

function missing(rule: SecurityGroupRule): Verdict {
  if (rule.implicit) return false;
  if (rule.opaque) return { unknown: rule.opaque };
  const d = rule.raw.description;
  if (!d) return true;
  if (d.k === 'scalar') return d.v === null || String(d.v).trim() === '';
  return false; // a reference or parameter still sets a description
}

export default defineControl({
  id: 'AT-SG-006',
  title: 'Every security group rule has a description',
  domain: 'network',
  severity: 'low',
  resourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress', 'AWS::EC2::SecurityGroupEgress'],
  rationale: 'A rule without a stated purpose cannot be reviewed: nobody can tell whether it is still needed, so stale openings accumulate.',
  remediation: 'Set Description on every SecurityGroupIngress and SecurityGroupEgress rule, naming who or what the rule is for.',
  remediationTerraform: 'Set description on every ingress and egress block of the aws_security_group and on every aws_security_group_rule, aws_vpc_security_group_ingress_rule and aws_vpc_security_group_egress_rule, naming who or what the rule is for.',
  references: { checkov: ['CKV_AWS_23'], trivy: ['AVD-AWS-0124'], cfn_nag: ['W36'], guard: ['SECURITY_GROUP_DESCRIPTION_RULE'] },
  evaluate(r: ResourceContext) {
    const outs: Outcome[] = [];
    let evaluated = false;
    for (const direction of ['ingress', 'egress'] as const) {
      const o = checkRules(r, {
        direction,
        violates: missing,
        fail: (rule) => `${describeRule(rule)} has no Description`,
        pass: `every ${direction} rule has a description`,
        none: `no ${direction} rules`,
        skipImplicit: true,
      });
      if (!o) continue;
      evaluated = true;
      for (const x of Array.isArray(o) ? o : [o]) {
        // "no rules" in one direction says nothing on its own.
        if (x.status === 'pass' && x.message === `no ${direction} rules`) continue;
        outs.push(x);
      }
    }
    if (!evaluated) return undefined;
    if (outs.length === 0) return r.notApplicable('no security group rules are declared');
    return outs;
  },
});
