// The rules of a WAFv2 web ACL as controls need them: what each rule's statement is, whether
// its action or override only counts, and the rules of rule groups declared in the template.
import type { Loc, Resource, Value } from '../../model/types.js';
import { asList, asString, getPath, prop } from '../../model/value.js';
import type { ResourceContext } from '../api.js';

export interface WafRule {
  name: string;
  index: number;
  value: Value;
  loc: Loc;
  statement?: Value;
  /** Only counts matching requests (Action Count, or OverrideAction Count on a rule group). */
  countOnly: boolean;
  /** The Action or OverrideAction when it is known only at deploy time (it may be Count). */
  openAction?: Value;
  /** Where the rule comes from when it is a rule of a referenced rule group. */
  via?: Resource;
}

function countOnly(rule: Value): boolean {
  const action = prop(rule, 'Action');
  const override = prop(rule, 'OverrideAction');
  return (action?.k === 'object' && action.props.has('Count')) || (override?.k === 'object' && override.props.has('Count'));
}

function openAction(rule: Value): Value | undefined {
  return [prop(rule, 'Action'), prop(rule, 'OverrideAction')].find((v) => v?.k === 'unknown');
}

/** The rules of a web ACL or rule group; `unknown` when the list is decided at deploy time. */
export function wafRules(rules: Value | undefined, via?: Resource): { rules: WafRule[]; unknown?: Value & { k: 'unknown' } } {
  if (rules && rules.k === 'unknown') return { rules: [], unknown: rules };
  const out: WafRule[] = [];
  for (const [index, value] of (asList(rules) ?? []).entries()) {
    if (value.k === 'unknown') return { rules: out, unknown: value };
    out.push({ name: asString(prop(value, 'Name')) ?? `rule ${index}`, index, value, loc: value.loc, statement: prop(value, 'Statement'), countOnly: countOnly(value), openAction: openAction(value), via });
  }
  return { rules: out };
}

/** The AWS::WAFv2::RuleGroup a RuleGroupReferenceStatement names, when it is declared in the scanned templates. */
export function referencedGroup(r: ResourceContext, rule: WafRule): Resource | undefined {
  const arn = getPath(rule.statement, 'RuleGroupReferenceStatement.Arn');
  const g = r.graph.target(r.resource, arn);
  return g && g.type === 'AWS::WAFv2::RuleGroup' ? g : undefined;
}

/** The managed rule group a rule uses, as `Vendor/Name`. */
export function managedGroup(rule: WafRule): { vendor?: string; name?: string; value: Value } | undefined {
  const m = prop(rule.statement, 'ManagedRuleGroupStatement');
  if (!m) return undefined;
  return { vendor: asString(prop(m, 'VendorName')), name: asString(prop(m, 'Name')), value: m };
}
