// Evaluation of HCL expressions into model values, following Terraform's semantics where
// they can be decided before apply: what depends on a variable without a value or on a
// data source becomes `unknown` naming it, another resource's unset attribute a `ref`.
import type { Loc, Value } from '../../../model/types.js';
import { heredocJson } from './heredocJson.js';
import type { Expr, TemplatePart } from '../hcl/ast.js';
import { callFunction } from './functions.js';
import {
  asBoolean, asNum, equal, EvalError, firstUnknown, isNull, list, object, refText, relocate, scalar, sortedKeys, toText, typeName, unknown,
  type Unknown,
} from './values.js';

type Ref = Extract<Value, { k: 'ref' }>;

/**
 * A value reached through a traversal (`var.x.y`, `module.m.out`). `via` says where a value
 * written elsewhere came from: it is moved to where the traversal is written once, at the end,
 * rather than at every step.
 */
export interface Got {
  v: Value;
  via?: string;
  /**
   * Set when the value is part of a resource's configuration: an attribute the
   * configuration does not set inside it (`vpc_config[0].cluster_security_group_id`) is then
   * computed by the provider, a reference rather than an error.
   */
  from?: { resource: string; path: string };
}

/** What a module knows about the names an expression can start with. */
export interface ModuleEnv {
  /**
   * `var.x`, `local.x`, `module.x`, `path.x`, `terraform.x`, `<resource type>.x`: the value of
   * `root.attr` used at `at`, or undefined when `root` is not a name the module knows.
   */
  root(root: string, attr: string, at: Loc, s: Scope): Got | undefined;
  /** `data.<type>.<name>`. */
  data(type: string, name: string, at: Loc, s: Scope): Value;
  /** Attribute `attr` of the resource instance a whole-resource `ref` points at. */
  resourceAttr(r: Ref, attr: string, at: Loc, s: Scope): Got;
  /** Text of a file named in `file()`/`templatefile()`, or why it cannot be read. */
  readFile(path: string, at: Loc): string | Unknown;
}

export interface Scope {
  env: ModuleEnv;
  /** Display path of the file being evaluated, and its text (for quoting expressions in messages). */
  file: string;
  text: string;
  /** Names bound by for expressions, template `for` directives and dynamic block iterators. */
  vars?: Map<string, Value>;
  count?: Value;
  each?: { key: Value; value: Value };
  /** The element a splat's traversal applies to. */
  anon?: Value;
  /** Resources and data sources the expression looks up (a resource's `refs`). */
  refs?: Set<string>;
}

export const locOf = (e: { line: number; col: number }, s: Scope): Loc => ({ file: s.file, line: e.line, column: e.col });
export const textOf = (e: { pos: number; end: number }, s: Scope): string => s.text.slice(e.pos, e.end).replace(/\s+/g, ' ');

/** Evaluate, turning what Terraform would reject into an unknown that says so (for arguments of resources). */
export function evaluateSafe(e: Expr, s: Scope): Value {
  try {
    return evaluate(e, s);
  } catch (err) {
    if (err instanceof EvalError) return unknown(`${textOf(e, s)}: ${err.message}`, [], locOf(e, s));
    throw err;
  }
}

export function evaluate(e: Expr, s: Scope): Value {
  // The location is made only where the value needs it (most nodes pass on another's value).
  switch (e.t) {
    // A heredoc without interpolations is read as a plain string.
    case 'lit': {
      const v = scalar(e.v, locOf(e, s));
      return typeof e.v === 'string' && s.text.charCodeAt(e.pos) === 60 ? heredocJsonOf(e, v, s) : v;
    }
    case 'tpl': return e.heredoc ? heredocJsonOf(e, template(e, s), s) : template(e, s);
    case 'var': {
      const bound = s.vars?.get(e.name);
      if (bound) return bound;
      if (e.name === 'each' || e.name === 'count') throw new EvalError(`${e.name} is used without an attribute (${e.name}.${e.name === 'each' ? 'key' : 'index'})`);
      throw new EvalError(`${e.name} is not a name Terraform knows here${/^[a-z0-9]+_/.test(e.name) ? ' (a resource is referred to as type.name.attribute)' : ''}`);
    }
    case 'anon': {
      if (!s.anon) throw new EvalError('splat element outside a splat');
      return s.anon;
    }
    case 'getattr': case 'index': {
      const loc = locOf(e, s);
      const g = traverse(e, s, loc);
      return g.via !== undefined ? relocate(g.v, loc, g.via || undefined) : g.v;
    }
    case 'splat': {
      const loc = locOf(e, s);
      const src = evaluateRaw(e.src, s);
      if (src.k === 'unknown') return { ...src, loc };
      const items = src.k === 'list' ? src.items : isNull(src) ? [] : [src];
      return relocate(list(items.map((item) => evaluate(e.each, { ...s, anon: item })), loc), loc);
    }
    case 'call': return callFunction(e, s, locOf(e, s));
    case 'tuple': {
      const loc = locOf(e, s);
      return list(e.items.map((i) => evaluate(i, s)), loc);
    }
    case 'object': {
      const loc = locOf(e, s);
      // As object(entries, loc) builds it, without an entry array per item.
      const props = new Map<string, Value>();
      const keyLocs = new Map<string, Loc>();
      for (const item of e.items) {
        let key: string;
        if (item.key.t === 'lit') {
          if (item.key.v === null) throw new EvalError(`object key ${textOf(item.key, s)} is not a string known before apply`);
          key = String(item.key.v);
        } else {
          const kv = evaluate(item.key.t === 'paren' ? item.key.e : item.key, s);
          if (kv.k === 'unknown') return unknown(`object key ${textOf(item.key, s)}: ${kv.reason}`, kv.params, loc);
          if (kv.k !== 'scalar' || kv.v === null || kv.refs?.length) throw new EvalError(`object key ${textOf(item.key, s)} is not a string known before apply`);
          key = String(kv.v);
        }
        props.set(key, evaluate(item.value, s));
        keyLocs.set(key, locOf(item, s));
      }
      return { k: 'object', props, keyLocs, loc };
    }
    case 'cond': return conditional(e, s);
    case 'binary': return binary(e, s, locOf(e, s));
    case 'unary': {
      const loc = locOf(e, s);
      const v = evaluate(e.e, s);
      if (e.op === '!') {
        const b = need(asBoolean(v), loc);
        return typeof b === 'boolean' ? scalar(!b, loc) : b;
      }
      const n = need(asNum(v), loc);
      return typeof n === 'number' ? scalar(-n, loc) : n;
    }
    case 'paren': return evaluate(e.e, s);
    case 'for': return forExpr(e, s, locOf(e, s));
  }
}

/**
 * A value where it was written, not yet moved to where `e` uses it: for what only reads
 * into a value (a function's arguments, the collection of a for expression), so a large
 * variable is not copied to take a few elements from it. The caller locates its result.
 */
export function evaluateRaw(e: Expr, s: Scope): Value {
  return e.t === 'getattr' || e.t === 'index' ? traverse(e, s).v : evaluate(e, s);
}

/** A value or an unknown; an EvalError is thrown. */
function need<T>(x: T | Unknown | EvalError, loc: Loc): T | Unknown {
  if (x instanceof EvalError) throw x;
  if (typeof x === 'object' && x !== null && (x as Unknown).k === 'unknown') return { ...(x as Unknown), loc };
  return x;
}

/** A traversal, its value not yet moved to where it is used. */
function traverse(e: Expr, s: Scope, at?: Loc): Got {
  const loc = at ?? locOf(e, s);
  if (e.t === 'index') {
    const o = traverse(e.obj, s);
    const k = evaluate(e.key, s);
    const v = index(o.v, k, loc);
    // Got objects are made with one shape (a spread of the several shapes they come in is slow).
    if (!o.from) return { v, via: o.via, from: undefined };
    return { v, via: o.via, from: { resource: o.from.resource, path: `${o.from.path}[${k.k === 'scalar' ? JSON.stringify(k.v) : '?'}]` } };
  }
  if (e.t !== 'getattr') return { v: evaluate(e, s) };
  const o = e.obj;
  if (o.t === 'var' && !s.vars?.has(o.name)) {
    if (o.name === 'count') {
      if (e.name !== 'index') throw new EvalError(`count has only the attribute index, not ${e.name}`);
      if (!s.count) throw new EvalError('count.index is used where the block has no count');
      return { v: { ...s.count, loc } as Value };
    }
    if (o.name === 'each') {
      if (!s.each) throw new EvalError(`each.${e.name} is used where the block has no for_each`);
      if (e.name === 'key') return { v: { ...s.each.key, loc } as Value };
      if (e.name === 'value') return { v: s.each.value, via: '' };
      throw new EvalError(`each has the attributes key and value, not ${e.name}`);
    }
    const g = s.env.root(o.name, e.name, loc, s);
    if (g) return g;
  }
  if (o.t === 'getattr' && o.obj.t === 'var' && o.obj.name === 'data' && !s.vars?.has('data')) return { v: s.env.data(o.name, e.name, loc, s) };
  if (o.t === 'getattr' && o.obj.t === 'var' && o.obj.name === 'ephemeral' && !s.vars?.has('ephemeral')) {
    const what = `ephemeral.${o.name}.${e.name}`;
    return { v: unknown(`${what} exists only while Terraform runs`, [what], loc) };
  }
  const base = traverse(o, s);
  const v = base.v;
  if (v.k === 'ref' && v.attr === undefined) return s.env.resourceAttr(v, e.name, loc, s);
  if (base.from && v.k === 'object') {
    const path = `${base.from.path}.${e.name}`;
    const p = v.props.get(e.name);
    if (p === undefined) return { v: { k: 'ref', resource: base.from.resource, attr: path, loc } };
    return { v: p, via: base.via, from: { resource: base.from.resource, path } };
  }
  return { v: attrOf(v, e.name, loc), via: base.via, from: base.from };
}

/** `o.name` for a value already evaluated (a whole resource's attributes are looked up by the module). */
export function attrOf(o: Value, name: string, loc: Loc): Value {
  switch (o.k) {
    case 'object': {
      const v = o.props.get(name);
      if (v === undefined) throw new EvalError(`this object has no attribute ${JSON.stringify(name)}`);
      return v;
    }
    case 'ref': return { k: 'ref', resource: o.resource, attr: o.attr === undefined ? name : `${o.attr}.${name}`, loc };
    case 'unknown': return { ...o, loc };
    case 'list': throw new EvalError(`a list has no attribute ${JSON.stringify(name)}; use [index] or [*].${name}`);
    default: throw new EvalError(`a ${typeName(o)} has no attribute ${JSON.stringify(name)}`);
  }
}

export function index(o: Value, k: Value, loc: Loc): Value {
  if (k.k === 'unknown') return { ...k, loc };
  if (o.k === 'unknown') return { ...o, loc };
  if (k.k === 'ref') return unknown(`index ${refText(k)} is known only after apply`, [], loc);
  if (k.k !== 'scalar' || k.v === null) throw new EvalError(`an index must be a number or a string, not a ${typeName(k)}`);
  switch (o.k) {
    case 'list': {
      const i = Number(k.v);
      if (!Number.isInteger(i)) throw new EvalError(`index ${JSON.stringify(k.v)} is not a whole number`);
      const v = o.items[i];
      if (v === undefined) throw new EvalError(`index ${i} is out of range (the list has ${o.items.length} element${o.items.length === 1 ? '' : 's'})`);
      return v;
    }
    case 'object': {
      const v = o.props.get(String(k.v));
      if (v === undefined) throw new EvalError(`no element with key ${JSON.stringify(String(k.v))}`);
      return v;
    }
    case 'ref':
      // A whole resource whose count or for_each is not known stands for each of its instances.
      if (o.attr === undefined) return o;
      return { k: 'ref', resource: o.resource, attr: `${o.attr}[${JSON.stringify(k.v)}]`, loc };
    default: throw new EvalError(`a ${typeName(o)} cannot be indexed`);
  }
}

function conditional(e: Extract<Expr, { t: 'cond' }>, s: Scope): Value {
  const b = asBoolean(evaluate(e.cond, s));
  if (b === true) return evaluate(e.then, s);
  if (b === false) return evaluate(e.else, s);
  const loc = locOf(e, s);
  const c = need(b, loc) as Unknown;
  const alts: Value[] = [];
  for (const branch of [e.then, e.else]) {
    try { alts.push(evaluate(branch, s)); } catch (err) {
      if (!(err instanceof EvalError)) throw err;
      // A branch Attest cannot evaluate is not proof the other is taken: neither is known.
      return unknown(`${textOf(e.cond, s)} is not known (${c.reason}), and ${textOf(branch, s)}: ${err.message}`, c.params, loc);
    }
  }
  if (equal(alts[0]!, alts[1]!) === true) return alts[0]!;
  const u = unknown(`${textOf(e.cond, s)} is not known (${c.reason})`, c.params, loc, alts);
  u.condition = textOf(e.cond, s);
  return u;
}

function binary(e: Extract<Expr, { t: 'binary' }>, s: Scope, loc: Loc): Value {
  const l = evaluate(e.left, s);
  if (e.op === '&&' || e.op === '||') {
    const lb = need(asBoolean(l), loc);
    const decisive = e.op === '||';
    // Terraform decides `false && x` and `true || x` without x.
    if (lb === decisive) return scalar(decisive, loc);
    let rb: boolean | Unknown;
    try { rb = need(asBoolean(evaluate(e.right, s)), loc); } catch (err) {
      if (typeof lb !== 'boolean' && err instanceof EvalError) return lb;
      throw err;
    }
    if (rb === decisive) return scalar(decisive, loc);
    if (typeof lb === 'boolean' && typeof rb === 'boolean') return scalar(rb, loc);
    return merged([lb, rb].filter((x): x is Unknown => typeof x !== 'boolean'), loc);
  }
  const r = evaluate(e.right, s);
  if (e.op === '==' || e.op === '!=') {
    const eq = equal(l, r);
    if (eq === undefined) {
      const u = firstUnknown([l, r], true);
      if (u) return merged([u], loc);
      return unknown(`${textOf(e, s)} compares a value known only after apply`, [], loc);
    }
    return scalar(e.op === '==' ? eq : !eq, loc);
  }
  const a = need(asNum(l), loc);
  const b = need(asNum(r), loc);
  if (typeof a !== 'number' || typeof b !== 'number') return merged([a, b].filter((x): x is Unknown => typeof x !== 'number'), loc);
  switch (e.op) {
    case '+': return scalar(a + b, loc);
    case '-': return scalar(a - b, loc);
    case '*': return scalar(a * b, loc);
    case '/':
      if (b === 0) throw new EvalError('division by zero');
      return scalar(a / b, loc);
    case '%':
      if (b === 0) throw new EvalError('modulo by zero');
      return scalar(a % b, loc);
    case '<': return scalar(a < b, loc);
    case '<=': return scalar(a <= b, loc);
    case '>': return scalar(a > b, loc);
    default: return scalar(a >= b, loc);
  }
}

function merged(us: Unknown[], loc: Loc): Unknown {
  return unknown(us[0]!.reason, us.flatMap((u) => u.params), loc);
}

/** Elements a for expression or directive iterates: (key, value) in Terraform's order. */
export function iterate(coll: Value, what: string): [Value, Value][] | Unknown {
  if (coll.k === 'unknown') return coll;
  if (coll.k === 'ref') return unknown(`${what} iterates ${refText(coll)}, known only after apply`, [], coll.loc);
  if (coll.k === 'list') return coll.items.map((v, i) => [scalar(i, v.loc), v]);
  if (coll.k === 'object') return sortedKeys(coll).map((k) => [scalar(k, coll.keyLocs.get(k) ?? coll.loc), coll.props.get(k)!]);
  throw new EvalError(`${what} cannot iterate a ${typeName(coll)}`);
}

function forExpr(e: Extract<Expr, { t: 'for' }>, s: Scope, loc: Loc): Value {
  const v = forValue(e, s, loc);
  return v.k === 'list' || v.k === 'object' ? relocate(v, loc) : v;
}

function forValue(e: Extract<Expr, { t: 'for' }>, s: Scope, loc: Loc): Value {
  const entries = iterate(evaluateRaw(e.coll, s), 'for');
  if (!Array.isArray(entries)) return { ...entries, loc };
  const items: Value[] = [];
  const out = new Map<string, { v: Value; at: Loc; group: Value[] }>();
  for (const [k, v] of entries) {
    const vars = new Map(s.vars ?? []);
    if (e.keyVar !== undefined) vars.set(e.keyVar, k);
    vars.set(e.valVar, v);
    const inner: Scope = { ...s, vars };
    if (e.cond) {
      const c = need(asBoolean(evaluate(e.cond, inner)), loc);
      if (c === false) continue;
      if (c !== true) return unknown(`which elements ${textOf(e, s)} keeps is not known (${c.reason})`, c.params, loc);
    }
    if (!e.keyExpr) { items.push(evaluate(e.valExpr, inner)); continue; }
    const kv = evaluate(e.keyExpr, inner);
    if (kv.k === 'unknown') return unknown(`the keys of ${textOf(e, s)} are not known (${kv.reason})`, kv.params, loc);
    if (kv.k !== 'scalar' || kv.v === null || kv.refs?.length) throw new EvalError(`a key of ${textOf(e, s)} is not a string known before apply`);
    const key = String(kv.v);
    const val = evaluate(e.valExpr, inner);
    const had = out.get(key);
    if (e.group) {
      if (had) had.group.push(val);
      else out.set(key, { v: val, at: kv.loc, group: [val] });
    } else {
      if (had) throw new EvalError(`two elements of ${textOf(e, s)} have the key ${JSON.stringify(key)} (add ... to group them)`);
      out.set(key, { v: val, at: kv.loc, group: [] });
    }
  }
  if (!e.keyExpr) return list(items, loc);
  return object([...out].map(([k, x]) => [k, e.group ? list(x.group, x.at) : x.v, x.at]), loc);
}

/** A heredoc holding a JSON document keeps its located structure (heredocJson.ts). */
function heredocJsonOf(e: { line: number; pos: number; end: number }, v: Value, s: Scope): Value {
  if (v.k !== 'scalar' || !s.text.startsWith('<<', e.pos)) return v;
  const json = heredocJson(v, e, s.file, s.text);
  return json ? { ...v, json } : v;
}

function template(e: Extract<Expr, { t: 'tpl' }>, s: Scope): Value {
  const parts = e.parts;
  // "${x}" alone is x itself, not x converted to a string.
  if (parts.length === 1 && parts[0]!.t === 'interp') return evaluate(parts[0]!.e, s);
  const loc = locOf(e, s);
  const refs = new Set<string>();
  const sensitive = { on: false };
  const unknowns: Unknown[] = [];
  let out = '';
  const render = (ps: TemplatePart[], sc: Scope) => {
    for (const p of ps) {
      switch (p.t) {
        case 'lit': out += p.v; break;
        case 'interp': {
          const t = toText(evaluate(p.e, sc), refs, sensitive);
          if (t instanceof EvalError) throw new EvalError(`\${${textOf(p.e, sc)}}: ${t.message}`);
          if (typeof t === 'string') out += t;
          else unknowns.push(t);
          break;
        }
        case 'tif': {
          const c = asBoolean(evaluate(p.cond, sc));
          if (c instanceof EvalError) throw c;
          if (typeof c !== 'boolean') { unknowns.push(c); break; }
          render(c ? p.then : p.else, sc);
          break;
        }
        case 'tfor': {
          const entries = iterate(evaluate(p.coll, sc), '%{ for }');
          if (!Array.isArray(entries)) { unknowns.push(entries); break; }
          for (const [k, v] of entries) {
            const vars = new Map(sc.vars ?? []);
            if (p.keyVar !== undefined) vars.set(p.keyVar, k);
            vars.set(p.valVar, v);
            render(p.body, { ...sc, vars });
          }
          break;
        }
      }
    }
  };
  render(parts, s);
  if (unknowns.length) return merged(unknowns, loc);
  const v: Value = { k: 'scalar', v: out, loc };
  if (refs.size) v.refs = [...refs];
  if (sensitive.on) v.sensitive = true;
  return v;
}
