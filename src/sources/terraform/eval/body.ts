// A block's body as a value: arguments as properties, nested blocks as lists of objects
// (the shape plan JSON gives them, so one translator reads both), `dynamic` blocks expanded.
import type { Loc, ObjectValue, Value } from '../../../model/types.js';
import type { Block, Body } from '../hcl/ast.js';
import { evaluate, evaluateSafe, iterate, locOf, textOf, type Scope } from './expr.js';
import { EvalError, isNull, object, unknown } from './values.js';

/** Arguments and blocks of a resource that configure Terraform itself, not the resource. */
const META_ARGS = new Set(['count', 'for_each', 'provider', 'depends_on']);
const META_BLOCKS = new Set(['lifecycle', 'provisioner', 'connection']);

/**
 * Evaluate a body. An argument set to null is left out, as Terraform treats it as not set;
 * in an undecidable conditional, a null alternative is "not set" too.
 */
export function bodyValue(body: Body, s: Scope, loc: Loc, top: boolean): ObjectValue {
  const out = object([], loc);
  const add = (name: string, v: Value, at: Loc) => { out.props.set(name, v); out.keyLocs.set(name, at); };
  for (const item of body.items) {
    if (item.kind === 'attr') {
      if (top && META_ARGS.has(item.name)) continue;
      const v = evaluateSafe(item.expr, s);
      if (isNull(v)) continue;
      add(item.name, v.k === 'unknown' && v.alts ? { ...v, alts: v.alts.map((a) => (isNull(a) ? { k: 'absent', loc: a.loc } : a)) } : v, locOf(item, s));
      continue;
    }
    if (top && META_BLOCKS.has(item.type)) continue;
    if (item.type === 'dynamic') { dynamic(item, s, out); continue; }
    const v = bodyValue(item.body, s, locOf(item, s), false);
    const had = out.props.get(item.type);
    if (had?.k === 'list') had.items.push(v);
    else if (had?.k !== 'unknown') add(item.type, { k: 'list', items: [v], loc: v.loc }, v.loc);
  }
  return out;
}

/**
 * A resource's `lifecycle` block, which bodyValue leaves out of its arguments: its arguments
 * (`prevent_destroy`, `create_before_destroy`; Terraform accepts only literals there), each
 * key located where written with the full path as written (`aws_s3_bucket.b.lifecycle.prevent_destroy`).
 */
export function lifecycleValue(body: Body, s: Scope, address: string): ObjectValue | undefined {
  let out: ObjectValue | undefined;
  for (const b of body.items) {
    if (b.kind !== 'block' || b.type !== 'lifecycle') continue;
    out ??= object([], locOf(b, s));
    for (const item of b.body.items) {
      if (item.kind !== 'attr') continue;
      const at = locOf(item, s);
      const v = evaluateSafe(item.expr, s);
      out.props.set(item.name, v);
      out.keyLocs.set(item.name, { ...at, path: `${address}.lifecycle.${item.name}` });
    }
  }
  return out;
}

/** `dynamic "x" { for_each, iterator, content { … } }`: one `x` block per element. */
function dynamic(b: Block, s: Scope, out: ObjectValue): void {
  const name = b.labels[0]?.value;
  const at = locOf(b, s);
  if (!name) return;
  let forEach: Value | undefined;
  let iterator = name;
  let content: Block | undefined;
  for (const item of b.body.items) {
    if (item.kind === 'attr' && item.name === 'for_each') forEach = evaluateSafe(item.expr, s);
    else if (item.kind === 'attr' && item.name === 'iterator') iterator = item.expr.t === 'var' ? item.expr.name : textOf(item.expr, s);
    else if (item.kind === 'block' && item.type === 'content') content = item;
  }
  if (!forEach || !content) return;
  let entries: ReturnType<typeof iterate>;
  try { entries = iterate(forEach, `dynamic "${name}"`); } catch (e) {
    if (!(e instanceof EvalError)) throw e;
    entries = unknown(`dynamic "${name}": ${e.message}`, [], at);
  }
  if (!Array.isArray(entries)) {
    // Whether these blocks exist is not known: the setting as a whole is not.
    out.props.set(name, unknown(`the ${name} blocks depend on ${textOf(b.body.items.find((i) => i.kind === 'attr' && i.name === 'for_each')!, s)} (${entries.reason})`, entries.params, at));
    out.keyLocs.set(name, at);
    return;
  }
  const had = out.props.get(name);
  if (had?.k === 'unknown') return;
  const list = had?.k === 'list' ? had : { k: 'list' as const, items: [] as Value[], loc: at };
  for (const [k, v] of entries) {
    const vars = new Map(s.vars ?? []);
    vars.set(iterator, object([['key', k], ['value', v]], at));
    list.items.push(bodyValue(content.body, { ...s, vars }, locOf(content, s), false));
  }
  if (!had) { out.props.set(name, list); out.keyLocs.set(name, at); }
}

/**
 * Give every key and value of a resource its written path
 * (`rule[0].apply_server_side_encryption_by_default[0].sse_algorithm`). The tree was built
 * for this resource, so it is labelled in place; locations are shared, so each is replaced.
 */
export function setPaths(v: Value, path: string): void {
  if (path) v.loc = at(v.loc, path);
  if (v.k === 'object') {
    const keyLocs = v.keyLocs;
    // forEach: a for-of over the entries would allocate a pair per property.
    v.props.forEach((pv, k) => {
      const p = path ? `${path}.${k}` : k;
      keyLocs.set(k, at(keyLocs.get(k) ?? pv.loc, p));
      setPaths(pv, p);
    });
  } else if (v.k === 'list') {
    for (let n = 0; n < v.items.length; n++) setPaths(v.items[n]!, `${path}[${n}]`);
  }
}

/** `{ ...l, path }` (a location has no other members), made with one shape. */
function at(l: Loc, path: string): Loc {
  return { file: l.file, line: l.line, column: l.column, path };
}

/** Resource addresses a value refers to (references, and resources embedded in strings). */
export function refsIn(v: Value, out: Set<string>): void {
  switch (v.k) {
    case 'ref': out.add(v.resource); break;
    case 'scalar': v.refs?.forEach((r) => out.add(r)); break;
    case 'list': v.items.forEach((i) => refsIn(i, out)); break;
    case 'object': v.props.forEach((p) => refsIn(p, out)); break;
    case 'unknown': v.alts?.forEach((a) => refsIn(a, out)); break;
  }
}

export { evaluate };
