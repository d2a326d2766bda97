import { defineControl, evidenceAt, type Outcome } from '../api.js';
import type { Value } from '../../model/types.js';
import { prop } from '../../model/value.js';
import { managedGroup, wafRules } from '../lib/waf.js';

const CRS = 'AWSManagedRulesCommonRuleSet';

export default defineControl({
  id: 'AT-WAF-003',
  title: 'WAF web ACLs block common web exploits with the AWS managed core rule set',
  domain: 'network',
  severity: 'medium',
  resourceTypes: ['AWS::WAFv2::WebACL'],
  rationale: 'The core rule set blocks the request patterns most web attacks start with (OWASP Top 10 style injection, path traversal, oversized or malformed requests); a web ACL without it, or with it only counting, leaves the application to defend against them alone.',
  remediation: 'Add a rule with ManagedRuleGroupStatement {VendorName: AWS, Name: AWSManagedRulesCommonRuleSet} and OverrideAction: {None: {}}; exclude or override single rules that break the application rather than counting the whole group.',
  remediationTerraform: 'Add a rule to the aws_wafv2_web_acl with statement { managed_rule_group_statement { vendor_name = "AWS", name = "AWSManagedRulesCommonRuleSet" } } and override_action { none {} }; override single rules that break the application (rule_action_override) rather than counting the whole group.',
  references: {},
  evaluate(r): Outcome {
    const { rules, unknown } = wafRules(r.get('Rules'));
    const at = r.locate('Rules');
    if (unknown) return r.unknown('the web ACL\'s rules depend on a deploy-time value', unknown, unknown.loc, [r.evidence('Rules')]);
    const crs = rules.find((x) => { const m = managedGroup(x); return m?.vendor === 'AWS' && m.name === CRS; });
    if (crs) {
      const ev = [evidenceAt(`Properties.Rules[${crs.index}]`, crs.value, crs.loc)];
      if (crs.countOnly) return r.fail(`rule ${crs.name} uses ${CRS} but its OverrideAction is Count: matching requests are only counted, not blocked`, crs.loc, ev);
      if (crs.openAction) return r.unknown(`rule ${crs.name} uses ${CRS}, but whether it blocks or only counts depends on a value known at deploy time`, crs.openAction, crs.loc, ev);
      return r.pass(`rule ${crs.name} applies ${CRS}`, crs.loc, ev);
    }
    // A rule group the template does not define, or another vendor's managed group, may cover the same ground.
    // So may a statement, or a managed group's vendor or name, known only at deploy time.
    const opaque = rules.filter((x) => !x.countOnly && (x.statement?.k === 'unknown' || prop(x.statement, 'RuleGroupReferenceStatement') || (managedGroup(x) && (managedGroup(x)!.vendor !== 'AWS' || managedGroup(x)!.name === undefined))));
    if (opaque.length) {
      const o = opaque[0];
      const blocking: Value = { k: 'unknown', reason: `what rule ${o.name} (a rule group) inspects is not known from the template`, params: [], loc: o.loc };
      return r.unknown(`no rule uses ${CRS}; whether ${opaque.map((x) => x.name).join(', ')} covers common web exploits is not known`, blocking, o.loc, opaque.map((x) => evidenceAt(`Properties.Rules[${x.index}]`, x.value, x.loc)));
    }
    return r.fail(`no rule uses ${CRS}: common web exploits are not filtered${rules.length ? ` (rules: ${rules.map((x) => x.name).join(', ')})` : ''}`, at, [r.evidence('Rules', r.get('Rules'), rules.length ? undefined : 'no rules')]);
  },
});

