// Resource policies (SNS topic, SQS queue, ECR repository, EFS file system): is any statement
// open to everyone, and does one refuse connections without TLS?
import type { Loc, Value } from '../../model/types.js';
import { asBool, asList, asString, prop } from '../../model/value.js';
import { evidenceAt, type Outcome, type ResourceContext } from '../api.js';
import { actionMatches, statementsOf, type Statement } from './policy.js';
import { isAnyonePrincipal } from './data.js';

/** Condition keys that tie a request to a known account, organisation, source or network endpoint. */
const PINNING = new Set([
  'aws:sourceaccount', 'aws:sourcearn', 'aws:sourceowner', 'aws:principalorgid', 'aws:principalorgpaths', 'aws:principalaccount',
  'aws:principalarn', 'aws:sourcevpce', 'aws:sourcevpc', 'aws:userid', 'aws:principalservicename',
]);

/**
 * Does the statement's Condition pin the caller? Only a positive operator (no Not, no
 * IfExists or ForAllValues, which hold when the key is missing) on a pinning key with a value other than "*".
 */
export function pinsCaller(s: Statement): boolean {
  const c = s.condition;
  if (!c || c.k !== 'object') return false;
  for (const [op, body] of c.props) {
    // ForAllValues holds vacuously when the key is missing from the request.
    if (/not|ifexists|forallvalues/i.test(op) || body.k !== 'object') continue;
    for (const [key, val] of body.props) {
      if (!PINNING.has(key.toLowerCase())) continue;
      const vals = val.k === 'list' ? val.items : [val];
      if (vals.length && vals.every((x) => x.k !== 'scalar' || (asString(x) !== '*' && asString(x) !== ''))) return true;
    }
  }
  return false;
}

/** A policy written as JSON text (CloudFormation's Json properties accept a string) as a value, located at the string. */
export function policyValue(v: Value | undefined): Value | undefined {
  if (!v || v.k !== 'scalar' || typeof v.v !== 'string') return v;
  let parsed: unknown;
  try { parsed = JSON.parse(v.v); } catch { return { k: 'unknown', reason: 'the policy text is not JSON that can be read statically (not known)', params: [], loc: v.loc }; }
  const loc = v.loc;
  const conv = (x: unknown): Value => {
    if (Array.isArray(x)) return { k: 'list', items: x.map(conv), loc };
    if (x && typeof x === 'object') {
      const props = new Map<string, Value>();
      const keyLocs = new Map<string, Loc>();
      for (const [k, val] of Object.entries(x)) { props.set(k, conv(val)); keyLocs.set(k, loc); }
      return { k: 'object', props, keyLocs, loc };
    }
    return { k: 'scalar', v: x as string | number | boolean | null, loc };
  };
  return conv(parsed);
}

/**
 * Judge a resource policy at `path`: a fail for each Allow statement open to everyone (Principal
 * "*" or NotPrincipal) that no condition pins to an account, organisation or source; unknown
 * where the document or a principal is not known statically; else pass.
 */
export function judgeNotPublic(r: ResourceContext, path: string, what: string, absent?: () => Outcome): Outcome | Outcome[] {
  const raw = r.get(path);
  const at = r.properties.props.has(path.split('.')[0]!) ? r.locate(path) : r.resource.loc;
  if (raw === undefined && absent) return absent();
  const doc = policyValue(raw);
  const ev = [evidenceAt(`Properties.${path}`, raw, at)];
  const { statements, unknown } = statementsOf(doc);
  if (doc?.k === 'unknown') return r.unknown(`the ${what} policy is not known statically`, doc, at, ev);
  const out: Outcome[] = [];
  statements.forEach((s, i) => {
    const effect = prop(s.value, 'Effect');
    if (effect?.k === 'unknown') return;
    if ((s.effect ?? '').toLowerCase() !== 'allow') return;
    const sAt = s.loc;
    const sev = [evidenceAt(`Properties.${path}.Statement.${i}`, s.value, sAt)];
    const label = s.sid ? `statement "${s.sid}"` : `statement ${i}`;
    const principal = s.principal;
    if (s.notPrincipal && !pinsCaller(s)) { out.push(r.fail(`${label} allows everyone except the NotPrincipal to use the ${what}`, sAt, sev)); return; }
    if (principal?.k === 'unknown') { if (!pinsCaller(s)) out.push(r.unknown(`${label} grants access to a principal not known statically`, principal, sAt, sev)); return; }
    if (principal && principal.k === 'object') {
      const aws = prop(principal, 'AWS');
      if (aws?.k === 'unknown' && !pinsCaller(s)) { out.push(r.unknown(`${label} grants access to a principal not known statically`, aws, sAt, sev)); return; }
    }
    if (isAnyonePrincipal(principal) && !pinsCaller(s)) {
      out.push(r.fail(`${label} allows ${s.actions.slice(0, 3).join(', ') || 'actions'} to any principal ("*") without a condition pinning the caller's account, organisation or source`, sAt, sev));
    }
  });
  if (out.length) return out;
  if (unknown) return r.unknown(`the ${what} policy is not fully known statically`, unknown, unknown.loc, ev);
  if (!doc) return r.pass(`no ${what} policy: only the owning account has access`, at, ev);
  return r.pass(`no Allow statement of the ${what} policy is open to everyone`, at, ev);
}

/** A Deny for every principal on `action` when aws:SecureTransport is false. */
export function deniesInsecureTransport(s: Statement, action: string): boolean {
  if ((s.effect ?? '').toLowerCase() !== 'deny') return false;
  if (!isAnyonePrincipal(s.principal)) return false;
  if (!s.actions.some((a) => actionMatches(a, action))) return false;
  const cond = s.condition;
  if (!cond || cond.k !== 'object') return false;
  for (const [op, body] of cond.props) {
    if (!/^bool(ifexists)?$/i.test(op) || body.k !== 'object') continue;
    for (const [key, val] of body.props) {
      if (key.toLowerCase() !== 'aws:securetransport') continue;
      if ((asList(val) ?? [val]).some((x: Value) => asBool(x) === false)) return true;
    }
  }
  return false;
}
