import { defineControl, evidenceAt, type Outcome } from '../api.js';
import type { Loc, ObjectValue, Value } from '../../model/types.js';
import { asString, prop } from '../../model/value.js';
import { statementsOf } from '../lib/policy.js';
import { isAnyonePrincipal, unknownInPrincipal } from '../lib/data.js';

/** Condition keys that limit callers to known accounts or an organization. */
const LIMITING = ['aws:principalorgid', 'aws:principalorgpaths', 'aws:principalaccount', 'aws:sourceaccount', 'aws:sourceorgid', 'aws:sourcearn'];

interface Grant { principal: Value | undefined; condition: Value | undefined; loc: Loc; path: string; effect?: string }

function grants(r: { type: string; get(p: string): Value | undefined; locate(p: string): Loc }): { grants: Grant[]; unknown?: Value } {
  const out: Grant[] = [];
  const fromDoc = (doc: Value | undefined, path: string) => {
    const s = statementsOf(doc);
    for (const st of s.statements) out.push({ principal: st.principal, condition: st.condition, loc: st.loc, path, effect: st.effect });
    return s.unknown;
  };
  if (r.type === 'AWS::Events::EventBus') return { grants: out, unknown: fromDoc(r.get('Policy'), 'Policy') };
  const policy = r.get('Policy');
  if (policy) return { grants: out, unknown: fromDoc(policy, 'Policy') };
  const st = r.get('Statement');
  if (st) {
    if (st.k === 'unknown') return { grants: out, unknown: st };
    const doc: ObjectValue = { k: 'object', props: new Map([['Statement', st]]), keyLocs: new Map([['Statement', st.loc]]), loc: st.loc };
    return { grants: out, unknown: fromDoc(doc, 'Statement') };
  }
  // The legacy form: Principal, Action and a single-key Condition ({Type, Key, Value}).
  const principal = r.get('Principal');
  const cond = r.get('Condition');
  let condition: Value | undefined;
  if (cond?.k === 'object') {
    const key = asString(prop(cond, 'Key'));
    condition = key ? { k: 'object', props: new Map([['StringEquals', { k: 'object', props: new Map([[key, prop(cond, 'Value') ?? cond]]), keyLocs: new Map(), loc: cond.loc }]]), keyLocs: new Map(), loc: cond.loc } : cond;
  } else condition = cond;
  out.push({ principal, condition, loc: r.locate('Principal'), path: 'Principal', effect: 'Allow' });
  return { grants: out };
}

function limitingKeys(c: Value | undefined): string[] {
  if (!c || c.k !== 'object') return [];
  const keys: string[] = [];
  for (const ops of c.props.values()) if (ops.k === 'object') for (const k of ops.props.keys()) if (LIMITING.includes(k.toLowerCase())) keys.push(k);
  return keys;
}

export default defineControl({
  id: 'AT-EVB-001',
  title: 'EventBridge event bus policies do not let any AWS account use the bus',
  domain: 'authorization',
  severity: 'high',
  resourceTypes: ['AWS::Events::EventBusPolicy', 'AWS::Events::EventBus'],
  rationale: 'A bus policy that allows the principal "*" without limiting it to an organization or known accounts lets any AWS account put events on the bus (or manage rules on it, depending on the actions). Forged events then trigger whatever the bus\'s rules target.',
  remediation: 'Name specific account principals, or keep Principal "*" only with a Condition on aws:PrincipalOrgID (legacy form: Condition {Type: StringEquals, Key: aws:PrincipalOrgID, Value: o-...}).',
  remediationTerraform: 'Set principal on the aws_cloudwatch_event_permission to an account id, or keep "*" only with condition { type = "StringEquals", key = "aws:PrincipalOrgID", value = "o-..." }; in the policy of an aws_cloudwatch_event_bus_policy, name accounts or add the same condition.',
  references: {},
  evaluate(r): Outcome {
    const { grants: gs, unknown } = grants(r);
    if (unknown?.k === 'unknown') return r.unknown('the bus policy is not known', unknown, unknown.loc, [evidenceAt('Properties.Policy', unknown, unknown.loc)]);
    if (r.type === 'AWS::Events::EventBus' && gs.length === 0) return r.notApplicable('the event bus declares no resource policy of its own');
    for (const g of gs) {
      if (g.effect && g.effect.toLowerCase() !== 'allow') continue;
      if (!isAnyonePrincipal(g.principal)) {
        const u = unknownInPrincipal(g.principal);
        if (u) return r.unknown('the principal of the bus policy is not known statically', u, u.loc, [evidenceAt(`Properties.${g.path}`, g.principal, u.loc)]);
        continue;
      }
      const keys = limitingKeys(g.condition);
      if (keys.length) continue;
      return r.fail('the policy allows principal "*" with no condition limiting it to an organization or known accounts: any AWS account can use the bus', g.principal?.loc ?? g.loc, [evidenceAt(`Properties.${g.path}`, g.principal, g.principal?.loc ?? g.loc), evidenceAt('Properties.Condition', g.condition, g.condition?.loc ?? g.loc, g.condition ? 'no organization or account condition' : 'no condition')]);
    }
    const first = gs[0];
    return r.pass('the policy allows only named principals, or "*" limited to an organization or known accounts', first?.principal?.loc ?? first?.loc ?? r.resource.loc, gs.map((g) => evidenceAt(`Properties.${g.path}`, g.principal, g.principal?.loc ?? g.loc)));
  },
});
