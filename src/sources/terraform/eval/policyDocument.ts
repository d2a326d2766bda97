// `data "aws_iam_policy_document"` computed as the AWS provider computes its `json`: IAM
// controls read policies as JSON documents, and most Terraform configurations write their
// policies this way rather than as literal JSON. The text carries its structure (`json`),
// each statement and element located at the block and argument that write it, so a finding
// on a statement points at its `statement { … }` block.
import type { Loc, ObjectValue, Scalar, Value } from '../../../model/types.js';
import { firstUnknown, refText, unknown, type Unknown } from './values.js';

type Doc = ObjectValue;

/**
 * The policy JSON of a data source instance's evaluated arguments. When a value is not known,
 * the JSON is not either (an unknown naming what is missing); its structure is kept with
 * only those parts unknown where they are single elements (an action, a resource, an
 * identifier, a condition value, an effect, a Sid), and dropped where they shape the
 * document (statements, principal types, condition keys, source and override documents).
 */
export function policyDocument(address: string, values: ObjectValue, loc: Loc): Value {
  const missing = firstUnknown([values], true);
  const whole = (m: Unknown) => unknown(`${address}.json depends on ${m.params.length ? m.params.join(', ') : 'a value not known before apply'} (${m.reason})`, m.params, loc);
  if (missing) {
    const shaping = shapingUnknown(values);
    if (shaping) return whole(shaping);
  }
  const refs = new Set<string>();
  const statements: { sid?: string; json: Doc }[] = [];

  for (const doc of [...strings(values.props.get('source_policy_documents')), ...strings(values.props.get('source_json'))]) {
    const parsed = parseDoc(doc, address, loc);
    if ('k' in parsed) return parsed;
    doc.refs?.forEach((r) => refs.add(r));
    for (const st of parsed) statements.push(st);
  }
  for (const st of blocks(values.props.get('statement'))) {
    const json = statement(st, refs);
    const sidV = json.props.get('Sid');
    const sid = sidV?.k === 'scalar' && typeof sidV.v === 'string' ? sidV.v : undefined;
    // A statement of this document replaces a source document's statement with the same Sid.
    const at = sid ? statements.findIndex((x) => x.sid === sid) : -1;
    if (at >= 0) statements[at] = { sid, json };
    else statements.push(sid ? { sid, json } : { json });
  }
  for (const doc of [...strings(values.props.get('override_policy_documents')), ...strings(values.props.get('override_json'))]) {
    const parsed = parseDoc(doc, address, loc);
    if ('k' in parsed) return parsed;
    doc.refs?.forEach((r) => refs.add(r));
    for (const st of parsed) {
      const at = st.sid ? statements.findIndex((x) => x.sid === st.sid) : -1;
      if (at >= 0) statements[at] = st;
      else statements.push(st);
    }
  }
  // The document as a whole is where it is used; its statements where their blocks are.
  const out = obj(loc);
  put(out, 'Version', text(values.props.get('version'), refs) ?? str('2012-10-17', values.loc), keyOf(values, 'version'));
  const id = text(values.props.get('policy_id'), refs);
  if (id !== undefined) put(out, 'Id', id, keyOf(values, 'policy_id'));
  const stAt = keyOf(values, 'statement');
  put(out, 'Statement', { k: 'list', items: statements.map((s) => s.json), loc: stAt }, stAt);
  if (missing) return { ...whole(missing), json: out };
  const v: Value = { k: 'scalar', v: JSON.stringify(plain(out)), loc, via: `${address}.json`, json: out };
  if (refs.size) v.refs = [...refs];
  return v;
}

/** An unknown in a place that decides the document's shape, not one of its elements. */
function shapingUnknown(values: ObjectValue): Unknown | undefined {
  const documents = ['source_policy_documents', 'source_json', 'override_policy_documents', 'override_json'];
  const u = firstUnknown([...documents, 'version', 'policy_id'].flatMap((k) => { const v = values.props.get(k); return v ? [v] : []; }), true);
  if (u) return u;
  const statements = values.props.get('statement');
  if (statements?.k === 'unknown') return statements;
  for (const st of blocks(values.props.get('statement'))) {
    for (const name of ['principals', 'not_principals', 'condition']) {
      const b = st.props.get(name);
      if (b?.k === 'unknown') return b;
      for (const x of blocks(b)) {
        for (const key of name === 'condition' ? ['test', 'variable'] : ['type']) {
          const v = x.props.get(key);
          if (v?.k === 'unknown') return v;
        }
      }
    }
    // A Sid decides which source or override statement a statement replaces.
    const sid = st.props.get('sid');
    if (sid?.k === 'unknown' && documents.some((k) => values.props.has(k))) return sid;
  }
  return undefined;
}

function statement(st: ObjectValue, refs: Set<string>): Doc {
  const out = obj(st.loc);
  const sid = text(st.props.get('sid'), refs);
  if (sid !== undefined && !(sid.k === 'scalar' && sid.v === '')) put(out, 'Sid', sid, keyOf(st, 'sid'));
  put(out, 'Effect', text(st.props.get('effect'), refs) ?? str('Allow', st.loc), keyOf(st, 'effect'));
  const list = (key: string, arg: string) => {
    const l = textList(st.props.get(arg), refs);
    const at = keyOf(st, arg);
    if (l) put(out, key, l.length === 1 ? l[0]! : { k: 'list', items: l, loc: st.props.get(arg)!.loc }, at);
  };
  list('Action', 'actions');
  list('NotAction', 'not_actions');
  list('Resource', 'resources');
  list('NotResource', 'not_resources');
  const principals = (name: string): Value | undefined => {
    const ps = blocks(st.props.get(name));
    if (!ps.length) return undefined;
    const byType = new Map<string, { ids: Value[]; at: Loc }>();
    for (const p of ps) {
      const t = text(p.props.get('type'), refs);
      const type = t?.k === 'scalar' ? t.v : undefined;
      const key = type === undefined || type === null ? '' : String(type);
      const had = byType.get(key);
      byType.set(key, { ids: [...(had?.ids ?? []), ...(textList(p.props.get('identifiers'), refs) ?? [])], at: had?.at ?? p.loc });
    }
    // `type = "*"` with identifiers ["*"] is the anonymous principal, written "*".
    if (byType.size === 1 && byType.has('*')) return str('*', ps[0]!.loc);
    const o = obj(ps[0]!.loc);
    for (const [t, { ids, at }] of byType) put(o, t, ids.length === 1 ? ids[0]! : { k: 'list', items: ids, loc: at }, at);
    return o;
  };
  const p = principals('principals');
  if (p !== undefined) put(out, 'Principal', p, keyOf(st, 'principals'));
  const np = principals('not_principals');
  if (np !== undefined) put(out, 'NotPrincipal', np, keyOf(st, 'not_principals'));
  const conds = blocks(st.props.get('condition'));
  if (conds.length) {
    const c = obj(conds[0]!.loc);
    for (const x of conds) {
      const scalarText = (k: string) => { const t = text(x.props.get(k), refs); return t?.k === 'scalar' ? String(t.v ?? '') : ''; };
      const test = scalarText('test');
      const variable = scalarText('variable');
      const values = textList(x.props.get('values'), refs) ?? [];
      let byVar = c.props.get(test) as Doc | undefined;
      if (!byVar) { byVar = obj(x.loc); put(c, test, byVar, x.loc); }
      put(byVar, variable, values.length === 1 ? values[0]! : { k: 'list', items: values, loc: x.props.get('values')?.loc ?? x.loc }, x.props.get('variable')?.loc ?? x.loc);
    }
    put(out, 'Condition', c, keyOf(st, 'condition'));
  }
  return out;
}

const obj = (loc: Loc): Doc => ({ k: 'object', props: new Map(), keyLocs: new Map(), loc });
const str = (v: string, loc: Loc): Extract<Value, { k: 'scalar' }> => ({ k: 'scalar', v, loc });

function put(o: Doc, key: string, v: Value, at: Loc): void {
  // Assigning a key again keeps its first place, as a JavaScript object does.
  o.props.set(key, v);
  o.keyLocs.set(key, at);
}

function keyOf(o: ObjectValue, key: string): Loc {
  return o.keyLocs.get(key) ?? o.loc;
}

function blocks(v: Value | undefined): ObjectValue[] {
  if (!v) return [];
  if (v.k === 'object') return [v];
  if (v.k === 'list') return v.items.filter((i): i is ObjectValue => i.k === 'object');
  return [];
}

/** A string of the document, located where written, naming the resources a placeholder stands for; an element not known stays so. */
function text(v: Value | undefined, refs: Set<string>): Extract<Value, { k: 'scalar' | 'unknown' }> | undefined {
  if (!v) return undefined;
  if (v.k === 'unknown') return v;
  if (v.k === 'scalar') {
    if (v.v === null) return undefined;
    v.refs?.forEach((r) => refs.add(r));
    const out = str(String(v.v), v.loc);
    if (v.refs?.length) out.refs = v.refs;
    if (v.sensitive) out.sensitive = true;
    return out;
  }
  if (v.k === 'ref') { refs.add(v.resource); return { ...str('${' + refText(v) + '}', v.loc), refs: [v.resource] }; }
  return undefined;
}

function textList(v: Value | undefined, refs: Set<string>): Value[] | undefined {
  if (!v) return undefined;
  if (v.k === 'list') return v.items.map((i) => text(i, refs)).filter((s): s is Extract<Value, { k: 'scalar' | 'unknown' }> => s !== undefined);
  const one = text(v, refs);
  return one === undefined ? undefined : [one];
}

function strings(v: Value | undefined): Extract<Value, { k: 'scalar' }>[] {
  if (!v) return [];
  const all = v.k === 'list' ? v.items : [v];
  return all.filter((i): i is Extract<Value, { k: 'scalar' }> => i.k === 'scalar' && typeof i.v === 'string' && i.v !== '');
}

/** The statements of a source or override document: from its located structure when it has one, else located at the text. */
function parseDoc(s: Extract<Value, { k: 'scalar' }>, address: string, loc: Loc): { sid?: string; json: Doc }[] | Unknown {
  let doc: unknown;
  try { doc = JSON.parse(String(s.v)); } catch {
    return unknown(`${address}: a source or override policy document is not JSON Attest can read`, [], loc);
  }
  const located = s.json && same(doc, s.json) ? s.json : fromPlain(doc, s.loc);
  const stV = located.k === 'object' ? located.props.get('Statement') : undefined;
  const sts = !stV ? [] : stV.k === 'list' ? stV.items : [stV];
  return sts.map((json) => {
    const sid = json.k === 'object' ? json.props.get('Sid') : undefined;
    const d = json.k === 'object' ? json : obj(json.loc);
    return sid?.k === 'scalar' && typeof sid.v === 'string' && sid.v ? { sid: sid.v, json: d } : { json: d };
  });
}

function fromPlain(x: unknown, loc: Loc): Value {
  if (Array.isArray(x)) return { k: 'list', items: x.map((i) => fromPlain(i, loc)), loc };
  if (x !== null && typeof x === 'object') {
    const o = obj(loc);
    for (const [k, v] of Object.entries(x)) put(o, k, fromPlain(v, loc), loc);
    return o;
  }
  return { k: 'scalar', v: (x ?? null) as Scalar, loc };
}

function plain(v: Value): unknown {
  if (v.k === 'scalar') return v.v;
  if (v.k === 'list') return v.items.map(plain);
  if (v.k === 'object') return Object.fromEntries([...v.props].map(([k, p]) => [k, plain(p)]));
  return null;
}

function same(x: unknown, v: Value): boolean {
  return JSON.stringify(x) === JSON.stringify(plain(v));
}
