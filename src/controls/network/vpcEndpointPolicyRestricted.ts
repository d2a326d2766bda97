import { defineControl, evidenceAt, type Outcome } from '../api.js';
import type { Loc, Value } from '../../model/types.js';
import { asString } from '../../model/value.js';
import { conditionKeys, isAllow, isOwnAccount, isWildcardPrincipal, principalsOf, unknownIn } from '../lib/identity.js';
import { statementsOf } from '../lib/policy.js';

/** Condition keys that tie a statement to the organisation's or account's principals or resources. */
const SCOPING = ['aws:principalorgid', 'aws:principalorgpaths', 'aws:principalaccount', 'aws:principalarn', 'aws:resourceorgid', 'aws:resourceorgpaths', 'aws:resourceaccount', 'aws:sourceaccount', 'aws:sourcearn'];

/** Endpoint types that accept an endpoint policy (Gateway is the default type). */
const WITH_POLICY = new Set(['Gateway', 'Interface']);

export default defineControl({
  id: 'AT-VPC-006',
  title: 'VPC endpoint policies do not allow every action to every principal',
  domain: 'network',
  severity: 'medium',
  resourceTypes: ['AWS::EC2::VPCEndpoint'],
  rationale: 'An endpoint policy is the one place to stop a VPC endpoint from carrying traffic to any account\'s resources. The default policy (and a written one with Principal "*" and Action "*") lets code inside the VPC use stolen credentials of any account or copy data to buckets outside the organisation through the endpoint.',
  remediation: 'Write a PolicyDocument that names the actions needed and restricts principals or resources to the organisation or account (Condition on aws:PrincipalOrgID / aws:ResourceOrgID / aws:PrincipalAccount, or specific resource ARNs).',
  remediationTerraform: 'Set policy on the aws_vpc_endpoint (or an aws_vpc_endpoint_policy) to a document that names the actions needed and restricts principals or resources to the organisation or account (a condition on aws:PrincipalOrgID, aws:ResourceOrgID or aws:PrincipalAccount, or specific resource ARNs).',
  references: {},
  evaluate(r): Outcome | Outcome[] {
    const type = asString(r.get('VpcEndpointType')) ?? 'Gateway';
    if (!WITH_POLICY.has(type)) return r.notApplicable(`${type} endpoints do not take an endpoint policy`);
    const raw = r.get('PolicyDocument');
    const at = r.locate('PolicyDocument');
    if (!raw) return r.fail('no PolicyDocument: the default endpoint policy allows any principal every action on every resource of the service', at, [r.evidence('PolicyDocument', raw, 'not set: default full-access policy')]);
    const doc = raw.k === 'scalar' && typeof raw.v === 'string' ? fromJson(raw.v, raw.loc) : raw;
    if (!doc) return r.unknown('the PolicyDocument string is not JSON that can be read statically (it may be completed at deploy time)', { k: 'unknown', reason: 'policy text is not JSON', params: [], loc: raw.loc }, at, [r.evidence('PolicyDocument')]);
    const { statements, unknown } = statementsOf(doc);
    if (unknown) return r.unknown('the endpoint policy is not fully known until deploy time', unknown, unknown.loc, [r.evidence('PolicyDocument')]);
    const out: Outcome[] = [];
    for (const [i, s] of statements.entries()) {
      // An Effect, Action or Principal known only at deploy time may make the statement the open one.
      const effect = isAllow(s);
      if (effect === false) continue;
      const everyAction = s.actions.some((a) => a === '*' || /^[a-z0-9-]+:\*$/i.test(a));
      const openAction = everyAction ? undefined : unknownIn(s, 'Action');
      const ps = principalsOf(s.principal);
      const anyone = ps.some(isWildcardPrincipal) || s.principal === undefined;
      const openPrincipal = anyone ? undefined : ps.find((p) => p.value.k === 'unknown' && !isOwnAccount(p))?.value;
      if ((!everyAction && !openAction) || (!anyone && !openPrincipal)) continue;
      if (conditionKeys(s).some((k) => SCOPING.includes(k))) continue;
      const open = (effect !== true ? effect : undefined) ?? openAction ?? openPrincipal ?? s.unknown.find((u) => u.k === 'unknown');
      const ev = [evidenceAt(`Properties.PolicyDocument.Statement[${i}]`, s.value, s.loc)];
      if (open) { out.push(r.unknown(`statement ${i} may allow every action to any principal, depending on a value known only at deploy time`, open, s.loc, ev)); continue; }
      out.push(r.fail(`statement ${i}${s.sid ? ` ("${s.sid}")` : ''} allows ${s.actions.join(', ')} to any principal without an organisation or account condition`, s.loc as Loc, ev));
    }
    if (out.length) return out;
    return r.pass('the endpoint policy limits what can be done through the endpoint', at, [r.evidence('PolicyDocument')]);
  },
});

/** A policy written as a JSON string, as a value located at the string. */
function fromJson(text: string, loc: Loc): Value | undefined {
  let parsed: unknown;
  try { parsed = JSON.parse(text); } catch { return undefined; }
  const conv = (x: unknown): Value => {
    if (Array.isArray(x)) return { k: 'list', items: x.map(conv), loc };
    if (x && typeof x === 'object') {
      const props = new Map<string, Value>();
      const keyLocs = new Map<string, Loc>();
      for (const [k, v] of Object.entries(x)) { props.set(k, conv(v)); keyLocs.set(k, loc); }
      return { k: 'object', props, keyLocs, loc };
    }
    return { k: 'scalar', v: x as string | number | boolean | null, loc };
  };
  return conv(parsed);
}
