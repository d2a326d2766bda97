import type { Loc, SourceError } from '../../model/types.js';
import { type MapNode, type Node, mapNode } from './node.js';

/**
 * Expand `Fn::ForEach::Name: [Identifier, Collection, {OutputKey: OutputValue}]`
 * (AWS::LanguageExtensions) in a section, in place of the loop key. The collection must
 * be a literal list or a Ref to a parameter whose value is known; otherwise an error is
 * recorded, because the resources the loop creates cannot be known. Expansion stops once the
 * section holds `limit` keys, so nested loops cannot multiply into millions of copies.
 */
export function expandForEach(
  section: MapNode,
  listParam: (name: string) => string[] | undefined,
  errors: SourceError[],
  limit = Infinity,
): MapNode {
  let has = false;
  for (const k of section.props.keys()) if (k.startsWith('Fn::ForEach::')) { has = true; break; }
  if (!has) return section;
  const out = mapNode(section.loc);
  for (const [key, val] of section.props) {
    if (out.props.size >= limit) break;
    const kLoc = section.keyLocs.get(key)!;
    if (!key.startsWith('Fn::ForEach::')) { out.props.set(key, val); out.keyLocs.set(key, kLoc); continue; }
    const err = (m: string) => errors.push({ file: kLoc.file, line: kLoc.line, column: kLoc.column, message: `${key}: ${m}` });
    if (val.t !== 'l' || val.items.length !== 3 || val.items[0].t !== 's' || val.items[2].t !== 'm') {
      err('expects [Identifier, Collection, {OutputKey: OutputValue}]');
      continue;
    }
    const id = String(val.items[0].v);
    const coll = val.items[1];
    let values: string[] | undefined;
    if (coll.t === 'l') values = coll.items.map((i) => (i.t === 's' ? String(i.v) : '')).filter((s) => s !== '');
    else if (coll.t === 'm' && coll.props.size === 1 && coll.props.has('Ref')) {
      const p = coll.props.get('Ref')!;
      values = p.t === 's' ? listParam(String(p.v)) : undefined;
      if (!values) { err(`the collection parameter ${p.t === 's' ? String(p.v) : ''} has no known value; pass --param so the loop's resources can be known`); continue; }
    }
    if (!values) { err('the collection must be a list or a Ref to a list parameter'); continue; }
    const body = expandForEach(val.items[2] as MapNode, listParam, errors, limit);
    for (const v of values) {
      for (const [outKey, outVal] of body.props) {
        if (out.props.size >= limit) return out;
        const k = substKey(outKey, id, v);
        if (out.props.has(k)) { err(`produces duplicate key ${k}`); continue; }
        out.props.set(k, subst(outVal, id, v));
        out.keyLocs.set(k, body.keyLocs.get(outKey) ?? kLoc);
      }
    }
  }
  return out;
}

function substKey(s: string, id: string, v: string): string {
  return s.split('${' + id + '}').join(v).split('&{' + id + '}').join(v.replace(/[^A-Za-z0-9]/g, ''));
}

function subst(n: Node, id: string, v: string): Node {
  if (n.t === 's') return n;
  if (n.t === 'l') return { t: 'l', loc: n.loc, items: n.items.map((i) => subst(i, id, v)) };
  if (n.props.size === 1) {
    const ref = n.props.get('Ref');
    if (ref && ref.t === 's' && ref.v === id) return { t: 's', v, loc: n.loc };
    const sub = n.props.get('Fn::Sub');
    if (sub && sub.t === 's' && typeof sub.v === 'string') return wrap('Fn::Sub', { t: 's', v: substKey(sub.v, id, v), loc: sub.loc }, n.loc);
  }
  const m = mapNode(n.loc);
  for (const [k, c] of n.props) {
    const nk = substKey(k, id, v);
    m.props.set(nk, subst(c, id, v));
    m.keyLocs.set(nk, n.keyLocs.get(k)!);
  }
  return m;
}

function wrap(fn: string, arg: Node, loc: Loc): MapNode {
  const m = mapNode(loc);
  m.props.set(fn, arg);
  m.keyLocs.set(fn, loc);
  return m;
}
