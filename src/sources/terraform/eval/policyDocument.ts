// `data "aws_iam_policy_document"` computed as the AWS provider computes its `json`: IAM
// controls read policies as JSON documents, and most Terraform configurations write their
// policies this way rather than as literal JSON.
import type { Loc, ObjectValue, Value } from '../../../model/types.js';
import { firstUnknown, refText, unknown, type Unknown } from './values.js';

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/** The policy JSON of a data source instance's evaluated arguments, or an unknown naming what is missing. */
export function policyDocument(address: string, values: ObjectValue, loc: Loc): Value {
  const missing = firstUnknown([values], true);
  if (missing) return unknown(`${address}.json depends on ${missing.params.length ? missing.params.join(', ') : 'a value not known before apply'} (${missing.reason})`, missing.params, loc);
  const refs = new Set<string>();
  const statements: { sid?: string; json: { [k: string]: Json } }[] = [];

  for (const doc of [...strings(values.props.get('source_policy_documents')), ...strings(values.props.get('source_json'))]) {
    const parsed = parseDoc(doc.v, address, loc);
    if ('k' in parsed) return parsed;
    doc.refs?.forEach((r) => refs.add(r));
    for (const st of parsed) statements.push(st);
  }
  for (const st of blocks(values.props.get('statement'))) {
    const json = statement(st, refs);
    const sid = typeof json.Sid === 'string' ? json.Sid : undefined;
    // A statement of this document replaces a source document's statement with the same Sid.
    const at = sid ? statements.findIndex((x) => x.sid === sid) : -1;
    if (at >= 0) statements[at] = { sid, json };
    else statements.push(sid ? { sid, json } : { json });
  }
  for (const doc of [...strings(values.props.get('override_policy_documents')), ...strings(values.props.get('override_json'))]) {
    const parsed = parseDoc(doc.v, address, loc);
    if ('k' in parsed) return parsed;
    doc.refs?.forEach((r) => refs.add(r));
    for (const st of parsed) {
      const at = st.sid ? statements.findIndex((x) => x.sid === st.sid) : -1;
      if (at >= 0) statements[at] = st;
      else statements.push(st);
    }
  }
  const out: { [k: string]: Json } = { Version: text(values.props.get('version'), refs) ?? '2012-10-17' };
  const id = text(values.props.get('policy_id'), refs);
  if (id !== undefined) out.Id = id;
  out.Statement = statements.map((s) => s.json);
  const v: Value = { k: 'scalar', v: JSON.stringify(out), loc, via: `${address}.json` };
  if (refs.size) v.refs = [...refs];
  return v;
}

function statement(st: ObjectValue, refs: Set<string>): { [k: string]: Json } {
  const out: { [k: string]: Json } = {};
  const sid = text(st.props.get('sid'), refs);
  if (sid !== undefined && sid !== '') out.Sid = sid;
  out.Effect = text(st.props.get('effect'), refs) ?? 'Allow';
  const put = (key: string, v: Value | undefined) => {
    const l = textList(v, refs);
    if (l) out[key] = l.length === 1 ? l[0]! : l;
  };
  put('Action', st.props.get('actions'));
  put('NotAction', st.props.get('not_actions'));
  put('Resource', st.props.get('resources'));
  put('NotResource', st.props.get('not_resources'));
  const principals = (name: string) => {
    const ps = blocks(st.props.get(name));
    if (!ps.length) return undefined;
    const byType = new Map<string, string[]>();
    for (const p of ps) {
      const type = text(p.props.get('type'), refs) ?? '';
      byType.set(type, [...(byType.get(type) ?? []), ...(textList(p.props.get('identifiers'), refs) ?? [])]);
    }
    // `type = "*"` with identifiers ["*"] is the anonymous principal, written "*".
    if (byType.size === 1 && byType.has('*')) return '*';
    const o: { [k: string]: Json } = {};
    for (const [t, ids] of byType) o[t] = ids.length === 1 ? ids[0]! : ids;
    return o;
  };
  const p = principals('principals');
  if (p !== undefined) out.Principal = p;
  const np = principals('not_principals');
  if (np !== undefined) out.NotPrincipal = np;
  const conds = blocks(st.props.get('condition'));
  if (conds.length) {
    const c: { [k: string]: { [k: string]: Json } } = {};
    for (const x of conds) {
      const test = text(x.props.get('test'), refs) ?? '';
      const variable = text(x.props.get('variable'), refs) ?? '';
      const values = textList(x.props.get('values'), refs) ?? [];
      c[test] ??= {};
      c[test]![variable] = values.length === 1 ? values[0]! : values;
    }
    out.Condition = c;
  }
  return out;
}

function blocks(v: Value | undefined): ObjectValue[] {
  if (!v) return [];
  if (v.k === 'object') return [v];
  if (v.k === 'list') return v.items.filter((i): i is ObjectValue => i.k === 'object');
  return [];
}

function text(v: Value | undefined, refs: Set<string>): string | undefined {
  if (!v) return undefined;
  if (v.k === 'scalar') {
    if (v.v === null) return undefined;
    v.refs?.forEach((r) => refs.add(r));
    return String(v.v);
  }
  if (v.k === 'ref') { refs.add(v.resource); return '${' + refText(v) + '}'; }
  return undefined;
}

function textList(v: Value | undefined, refs: Set<string>): string[] | undefined {
  if (!v) return undefined;
  if (v.k === 'list') return v.items.map((i) => text(i, refs)).filter((s): s is string => s !== undefined);
  const one = text(v, refs);
  return one === undefined ? undefined : [one];
}

function strings(v: Value | undefined): Extract<Value, { k: 'scalar' }>[] {
  if (!v) return [];
  const all = v.k === 'list' ? v.items : [v];
  return all.filter((i): i is Extract<Value, { k: 'scalar' }> => i.k === 'scalar' && typeof i.v === 'string' && i.v !== '');
}

function parseDoc(s: string | number | boolean | null, address: string, loc: Loc): { sid?: string; json: { [k: string]: Json } }[] | Unknown {
  try {
    const doc = JSON.parse(String(s)) as { Statement?: unknown };
    const sts = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
    return sts.map((st) => {
      const json = st as { [k: string]: Json };
      return typeof json.Sid === 'string' && json.Sid ? { sid: json.Sid, json } : { json };
    });
  } catch {
    return unknown(`${address}: a source or override policy document is not JSON Attest can read`, [], loc);
  }
}
