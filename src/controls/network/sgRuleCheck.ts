// Shared evaluation for the security group rule controls: one finding per offending rule,
// located at the rule, whether it is written inline or as a standalone resource.
import type { Outcome, ResourceContext, Verdict } from '../api.js';
import { evidenceAt } from '../api.js';
import { describeRule, ruleEvidence, securityGroupRules, standaloneRule, type RuleDirection, type SecurityGroupRule } from '../lib/network.js';

export const SG_TYPES = ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress', 'AWS::EC2::SecurityGroupEgress'];

/**
 * Rules this resource is responsible for. A standalone ingress/egress resource whose GroupId
 * points at a security group declared in the same template is evaluated with that group
 * (so no rule is reported twice); otherwise it is evaluated on its own.
 */
export function rulesOf(r: ResourceContext, direction: RuleDirection): SecurityGroupRule[] {
  if (r.type === 'AWS::EC2::SecurityGroup') return securityGroupRules(r.graph, r.resource).filter((x) => x.direction === direction);
  const own: RuleDirection = r.type === 'AWS::EC2::SecurityGroupEgress' ? 'egress' : 'ingress';
  if (own !== direction) return [];
  const target = r.graph.target(r.resource, r.get('GroupId'));
  if (target && target.type === 'AWS::EC2::SecurityGroup') return [];
  return [standaloneRule(r.resource)];
}

/** True when this resource is a standalone rule that is reported with its group. */
function reportedWithGroup(r: ResourceContext): boolean {
  if (r.type === 'AWS::EC2::SecurityGroup') return false;
  const target = r.graph.target(r.resource, r.get('GroupId'));
  return !!target && target.type === 'AWS::EC2::SecurityGroup';
}

export interface RuleCheck {
  direction: RuleDirection;
  /** true when the rule violates the control. */
  violates: (rule: SecurityGroupRule) => Verdict;
  /** Failure text for one rule. */
  fail: (rule: SecurityGroupRule) => string;
  /** Pass text (all rules checked). */
  pass: string;
  /** Pass text when there is no rule in this direction. */
  none: string;
  /** Leave out the implicit default egress rule. */
  skipImplicit?: boolean;
}

export function checkRules(r: ResourceContext, c: RuleCheck): Outcome[] | Outcome | undefined {
  if (reportedWithGroup(r)) return undefined;
  const rules = rulesOf(r, c.direction).filter((x) => !(c.skipImplicit && x.implicit));
  if (r.type !== 'AWS::EC2::SecurityGroup' && rules.length === 0) return undefined;
  const out: Outcome[] = [];
  for (const rule of rules) {
    const v = c.violates(rule);
    if (v === false) continue;
    if (v === true && !rule.when) {
      out.push({ status: 'fail', message: c.fail(rule), at: rule.loc, evidence: [ruleEvidence(rule)] });
    } else {
      const u = v === true ? rule.when! : v.unknown;
      const why = v === true ? `the rule is declared only when a condition holds (${rule.when!.reason})` : `it depends on a value known only at deploy time: ${u.reason}`;
      out.push({ status: 'unknown', message: `cannot tell whether ${describeRule(rule)} violates this control: ${why}`, at: rule.loc, evidence: [ruleEvidence(rule)], dependsOn: u.params });
    }
  }
  if (out.length) return out;
  if (rules.length === 0) {
    const key = c.direction === 'ingress' ? 'SecurityGroupIngress' : 'SecurityGroupEgress';
    return r.pass(c.none, r.resource.loc, [evidenceAt(`Properties.${key}`, undefined, r.resource.loc, `no ${c.direction} rule declared for ${r.id}`)]);
  }
  return r.pass(c.pass, rules[0].loc, rules.map((x) => ruleEvidence(x, describeRule(x))));
}
