import { defineControl, evidenceAt, ResourceContext, type Outcome } from '../api.js';
import type { Value } from '../../model/types.js';
import { managedGroup, referencedGroup, wafRules, type WafRule } from '../lib/waf.js';

export default defineControl({
  id: 'AT-WAF-004',
  title: 'WAF web ACLs limit request rates per client (a rate-based rule)',
  domain: 'network',
  severity: 'medium',
  resourceTypes: ['AWS::WAFv2::WebACL'],
  rationale: 'Without a rate-based rule a single client can send unlimited requests: credential stuffing, scraping and application-layer floods pass as long as each request looks legitimate.',
  remediation: 'Add a rule with a RateBasedStatement (Limit per 5 minutes, AggregateKeyType IP or FORWARDED_IP) and Action Block, Captcha or Challenge.',
  remediationTerraform: 'Add a rule to the aws_wafv2_web_acl with statement { rate_based_statement { limit = N, aggregate_key_type = "IP" (or "FORWARDED_IP") } } and action { block {} } (or captcha {} / challenge {}).',
  references: {},
  evaluate(r): Outcome {
    const { rules, unknown } = wafRules(r.get('Rules'));
    if (unknown) return r.unknown('the web ACL\'s rules depend on a deploy-time value', unknown, unknown.loc, [r.evidence('Rules')]);
    const ev = (x: WafRule) => evidenceAt(x.via ? `${x.via.id}.Properties.Rules[${x.index}]` : `Properties.Rules[${x.index}]`, x.value, x.loc, x.via ? `rule of rule group ${x.via.id}` : undefined);
    // Rules of rule groups declared in the template count as the web ACL's own.
    const all: WafRule[] = [...rules];
    const opaque: WafRule[] = [];
    for (const x of rules) {
      if (x.countOnly) continue;
      const g = referencedGroup(r, x);
      if (g) all.push(...wafRules(new ResourceContext(g, r.graph, r.today).get('Rules'), g).rules);
      else if (x.statement && (x.statement.k === 'unknown' || (x.statement.k === 'object' && (x.statement.props.has('RuleGroupReferenceStatement') || mayLimitRate(x))))) opaque.push(x);
    }
    const rate = all.filter((x) => x.statement?.k === 'object' && x.statement.props.has('RateBasedStatement'));
    const enforcing = rate.find((x) => !x.countOnly && !x.openAction);
    if (enforcing) return r.pass(`rule ${enforcing.name}${enforcing.via ? ` (in ${enforcing.via.id})` : ''} limits the request rate per client`, enforcing.loc, [ev(enforcing)]);
    const undecided = rate.find((x) => !x.countOnly && x.openAction);
    if (undecided) return r.unknown(`rate-based rule ${undecided.name} may only count: its action is known only at deploy time`, undecided.openAction!, undecided.loc, [ev(undecided)]);
    if (rate.length) return r.fail(`rate-based rule ${rate[0].name} only counts: requests over the limit are not blocked`, rate[0].loc, rate.map(ev));
    if (opaque.length) {
      const o = opaque[0];
      const blocking: Value = { k: 'unknown', reason: `whether rule group ${o.name} contains a rate-based rule is not known from the template`, params: [], loc: o.loc };
      return r.unknown('no rate-based rule is declared in the web ACL or its scanned rule groups', blocking, o.loc, opaque.map(ev));
    }
    return r.fail('no rate-based rule: a single client can send unlimited requests', r.locate('Rules'), [r.evidence('Rules', r.get('Rules'), rules.length ? `rules: ${rules.map((x) => x.name).join(', ')}` : 'no rules')]);
  },
});

/**
 * AWS managed rule groups whose documented rules include request-volume limits; the other
 * AWS groups (core, SQL injection, known bad inputs, IP reputation...) match request content only.
 */
const AWS_VOLUMETRIC = new Set(['AWSManagedRulesAntiDDoSRuleSet', 'AWSManagedRulesATPRuleSet', 'AWSManagedRulesACFPRuleSet', 'AWSManagedRulesBotControlRuleSet']);

/** A managed rule group that might limit request rates: another vendor's, or an AWS one with volumetric rules. */
function mayLimitRate(x: WafRule): boolean {
  const m = managedGroup(x);
  if (!m) return false;
  return m.vendor !== 'AWS' || m.name === undefined || AWS_VOLUMETRIC.has(m.name);
}
