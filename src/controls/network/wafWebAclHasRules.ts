import { defineControl, evidenceAt } from '../api.js';
import { asString, prop } from '../../model/value.js';

export default defineControl({
  id: 'AT-WAF-002',
  title: 'WAF web ACLs contain rules',
  domain: 'network',
  severity: 'medium',
  resourceTypes: ['AWS::WAFv2::WebACL'],
  rationale: 'A web ACL without rules only applies its default action; with Allow it inspects nothing while giving the appearance of protection.',
  remediation: 'Add Rules (for example AWS managed rule groups such as AWSManagedRulesCommonRuleSet and AWSManagedRulesKnownBadInputsRuleSet).',
  remediationTerraform: 'Add rule blocks to the aws_wafv2_web_acl (for example AWS managed rule groups such as AWSManagedRulesCommonRuleSet and AWSManagedRulesKnownBadInputsRuleSet).',
  references: {},
  evaluate(r) {
    const rules = r.get('Rules');
    if (rules && rules.k === 'unknown') return r.unknown('cannot tell which rules the web ACL has', rules, r.locate('Rules'), [r.evidence('Rules')]);
    if (rules && rules.k === 'list' && rules.items.length > 0) {
      const names = rules.items.map((x) => asString(prop(x, 'Name'))).filter(Boolean);
      return r.pass(`web ACL has ${rules.items.length} rule(s)${names.length ? ': ' + names.slice(0, 5).join(', ') : ''}`, r.locate('Rules'), [r.evidence('Rules')]);
    }
    const da = r.get('DefaultAction');
    const block = da && da.k === 'object' && da.props.has('Block');
    if (block) return r.pass('web ACL has no rules but blocks every request by default', r.locate('DefaultAction'), [r.evidence('DefaultAction'), r.evidence('Rules')]);
    const at = r.locate('Rules');
    return r.fail('web ACL has no rules and its default action allows every request: it filters nothing', at,
      [evidenceAt('Properties.Rules', rules, at, 'no rules'), r.evidence('DefaultAction')]);
  },
});
