// Terraform's built-in functions that can be decided before apply. A function Attest does
// not evaluate, or one whose result depends on time or randomness (timestamp, uuid), gives
// an unknown naming it: never a guess.
import { createHash } from 'node:crypto';
import { parse as parseYaml, stringify as yamlStringify } from 'yaml';
import type { Loc, Value } from '../../../model/types.js';
import type { Expr } from '../hcl/ast.js';
import { parseTemplate } from '../hcl/parser.js';
import { cidrhost, cidrnetmask, cidrsubnet } from './cidr.js';
import { evaluate, evaluateRaw, textOf, type Scope } from './expr.js';
import {
  afterApply, equal, EvalError, firstUnknown, fromJs, isNull, list, NotConcrete, object, refText, relocate, scalar, scalarText, sortedKeys,
  toJs, toText, typeName, unknown, type Unknown,
} from './values.js';

type Fn = (args: Value[], loc: Loc, s: Scope) => Value;
type Call = Extract<Expr, { t: 'call' }>;

export function callFunction(e: Call, s: Scope, loc: Loc): Value {
  if (e.name === 'try') return tryFn(e, s);
  if (e.name === 'can') return canFn(e, s, loc);
  const fn = FUNCTIONS[e.name];
  if (!fn) {
    const why = NOT_DECIDED[e.name] ?? (e.name.includes('::') ? 'a provider-defined function, not evaluated by Attest' : 'not a function Attest evaluates');
    return unknown(`${e.name}() is ${why}`, [], loc);
  }
  let args = e.args.map((a) => evaluateRaw(a, s));
  if (e.expand) {
    const last = args[args.length - 1]!;
    if (last.k === 'unknown') return withoutJson({ ...last, loc });
    if (last.k !== 'list') throw new EvalError(`${e.name}(...): only a list can be expanded with ...`);
    args = [...args.slice(0, -1), ...last.items];
  }
  try {
    // The result stands where the call is written (arguments were read where their values are written).
    return relocate(fn(args, loc, s), loc);
  } catch (err) {
    if (err instanceof NotConcrete) return withoutJson({ ...err.value, loc });
    if (err instanceof EvalError) throw new EvalError(`${e.name}(): ${err.message}`);
    throw err;
  }
}

/** Functions whose result cannot be known before apply, and why. */
const NOT_DECIDED: Record<string, string> = {
  timestamp: 'the time of apply', plantimestamp: 'the time of plan', uuid: 'random', uuidv5: 'not evaluated by Attest',
  bcrypt: 'random (salted)', rsadecrypt: 'not evaluated by Attest', fileset: 'not evaluated by Attest (a file listing)',
  timeadd: 'not evaluated by Attest', formatdate: 'not evaluated by Attest', timecmp: 'not evaluated by Attest',
  base64gzip: 'not evaluated by Attest', textencodebase64: 'not evaluated by Attest', textdecodebase64: 'not evaluated by Attest',
  type: 'not evaluated by Attest', ephemeralasnull: 'not evaluated by Attest',
};

function tryFn(e: Call, s: Scope): Value {
  let last: EvalError | undefined;
  for (const a of e.args) {
    try {
      return evaluate(a, s);
    } catch (err) {
      if (!(err instanceof EvalError)) throw err;
      last = err;
    }
  }
  throw new EvalError(`no argument of try() can be evaluated${last ? ` (the last: ${last.message})` : ''}`);
}

function canFn(e: Call, s: Scope, loc: Loc): Value {
  if (e.args.length !== 1) throw new EvalError('can() takes one argument');
  try {
    const v = evaluate(e.args[0]!, s);
    if (v.k === 'unknown') return { ...v, loc };
    return scalar(true, loc);
  } catch (err) {
    if (!(err instanceof EvalError)) throw err;
    return scalar(false, loc);
  }
}

// ---- argument access: a value known only after apply, or unknown, stops the function with an unknown

function str(v: Value | undefined, what = 'argument'): string {
  if (!v) throw new EvalError(`missing ${what}`);
  if (v.k === 'scalar') {
    if (v.v === null) throw new EvalError(`${what} is null`);
    if (v.refs?.length) throw new NotConcrete(unknown(`${JSON.stringify(v.v)} embeds ${v.refs.join(', ')}, known only after apply`, [], v.loc));
    return scalarText(v.v);
  }
  concrete(v);
  throw new EvalError(`${what} is a ${typeName(v)}, not a string`);
}

function num(v: Value | undefined, what = 'argument'): number {
  if (!v) throw new EvalError(`missing ${what}`);
  concrete(v);
  if (v.k === 'scalar' && typeof v.v === 'number') return v.v;
  if (v.k === 'scalar' && typeof v.v === 'string' && v.v.trim() !== '' && Number.isFinite(Number(v.v))) return Number(v.v);
  throw new EvalError(`${what} is ${v.k === 'scalar' ? JSON.stringify(v.v) : 'a ' + typeName(v)}, not a number`);
}

function bool(v: Value | undefined): boolean {
  if (!v) throw new EvalError('missing argument');
  concrete(v);
  if (v.k === 'scalar' && (v.v === true || v.v === 'true')) return true;
  if (v.k === 'scalar' && (v.v === false || v.v === 'false')) return false;
  throw new EvalError(`a ${typeName(v)} is not a bool`);
}

function items(v: Value | undefined, what = 'argument'): Value[] {
  if (!v) throw new EvalError(`missing ${what}`);
  concrete(v);
  if (v.k === 'list') return v.items;
  throw new EvalError(`${what} is a ${typeName(v)}, not a list`);
}

function obj(v: Value | undefined, what = 'argument'): Extract<Value, { k: 'object' }> {
  if (!v) throw new EvalError(`missing ${what}`);
  concrete(v);
  if (v.k === 'object') return v;
  throw new EvalError(`${what} is a ${typeName(v)}, not a map or object`);
}

/** Stop with an unknown when `v` is not known before apply (shallow). */
function concrete(v: Value): void {
  if (v.k === 'unknown') throw new NotConcrete(v);
  if (v.k === 'ref') throw new NotConcrete(afterApply(v, v.loc));
}

/** Every element known (deep), for functions that compare or compute on them. */
function deep(v: Value): Value {
  const u = firstUnknown([v], true);
  if (u) throw new NotConcrete(u);
  const walk = (x: Value): void => {
    if (x.k === 'ref') throw new NotConcrete(afterApply(x, x.loc));
    if (x.k === 'list') x.items.forEach(walk);
    if (x.k === 'object') x.props.forEach(walk);
  };
  walk(v);
  return v;
}

/** A string result carrying the references and sensitivity of what it was built from. */
function text(out: string, loc: Loc, refs: Set<string>, sensitive: { on: boolean }): Value {
  const v: Value = { k: 'scalar', v: out, loc };
  if (refs.size) v.refs = [...refs];
  if (sensitive.on) v.sensitive = true;
  return v;
}

/** A value as text where a reference may stay a `${…}` placeholder (concatenation, not computation). */
function embed(v: Value, refs: Set<string>, sensitive: { on: boolean }): string {
  const t = toText(v, refs, sensitive);
  if (t instanceof EvalError) throw t;
  if (typeof t !== 'string') throw new NotConcrete(t);
  return t;
}

const strFn = (f: (x: string) => string): Fn => ([a], loc) => {
  const v = scalar(f(str(a)), loc);
  if (a?.k === 'scalar' && a.sensitive) (v as { sensitive?: boolean }).sensitive = true;
  return v;
};
const numFn = (f: (x: number) => number): Fn => ([a], loc) => scalar(f(num(a)), loc);
const fileHash = (alg: string, enc: 'hex' | 'base64'): Fn => ([p], loc, s) => {
  const t = s.env.readFile(str(p, 'path'), loc);
  return typeof t === 'string' ? scalar(createHash(alg).update(t, 'utf8').digest(enc), loc) : t;
};
const hash = (alg: string, enc: 'hex' | 'base64'): Fn => ([a], loc) => scalar(createHash(alg).update(str(a), 'utf8').digest(enc), loc);

/**
 * Terraform's RE2 syntax as a JavaScript expression where they agree (named groups and
 * leading flags translate). A pattern JavaScript cannot read is not known to be invalid in
 * RE2, so it gives an unknown, never a `can()` of false or a `try()` fallback.
 */
function regex(pattern: string, global = false): RegExp {
  let flags = global ? 'gu' : 'u';
  let body = pattern.replace(/\(\?P</g, '(?<');
  const lead = /^\(\?([imsU]+)\)/.exec(body);
  if (lead && !lead[1]!.includes('U')) {
    flags += lead[1]!.replace(/[^ims]/g, '');
    body = body.slice(lead[0].length);
  }
  try {
    return new RegExp(body, flags);
  } catch {
    throw new NotConcrete(unknown(`regular expression ${JSON.stringify(pattern)} uses syntax Attest does not evaluate`, [], NOWHERE));
  }
}

const NOWHERE: Loc = { file: '', line: 0, column: 0 };

function regexResult(m: RegExpMatchArray, loc: Loc): Value {
  if (m.groups && Object.keys(m.groups).length) return object(Object.entries(m.groups).map(([k, v]) => [k, scalar(v ?? null, loc)]), loc);
  if (m.length > 1) return list(m.slice(1).map((g) => scalar(g ?? null, loc)), loc);
  return scalar(m[0], loc);
}

/** Terraform's `format` verbs: %s %v %d %f %q %t %% with flags, width and precision. */
function format(fmt: string, args: Value[], loc: Loc): Value {
  const refs = new Set<string>();
  const sensitive = { on: false };
  let next = 0;
  const out = fmt.replace(/%([-+ 0#]*)(\d+)?(?:\.(\d+))?(?:\[(\d+)\])?([%svdfqtxXobeEgG])/g, (_m, flags: string, width?: string, prec?: string, argIdx?: string, verb?: string) => {
    if (verb === '%') return '%';
    if (argIdx) next = Number(argIdx) - 1;
    const a = args[next++];
    if (!a) throw new EvalError(`format string ${JSON.stringify(fmt)} has more verbs than arguments`);
    let s: string;
    switch (verb) {
      case 's': case 'v': s = a.k === 'list' || a.k === 'object' ? JSON.stringify(toJs(deep(a))) : embed(a, refs, sensitive); break;
      case 'q': s = JSON.stringify(embed(a, refs, sensitive)); break;
      case 'd': s = String(Math.trunc(num(a))); break;
      case 'f': case 'e': case 'E': case 'g': case 'G': {
        const n = num(a);
        s = verb === 'f' ? n.toFixed(prec !== undefined ? Number(prec) : 6) : verb === 'e' || verb === 'E' ? n.toExponential(prec !== undefined ? Number(prec) : 6) : String(n);
        if (verb === 'E' || verb === 'G') s = s.toUpperCase();
        break;
      }
      case 't': s = String(bool(a)); break;
      case 'x': case 'X': { const n = num(a); s = Math.trunc(n).toString(16); if (verb === 'X') s = s.toUpperCase(); break; }
      case 'o': s = Math.trunc(num(a)).toString(8); break;
      case 'b': s = Math.trunc(num(a)).toString(2); break;
      default: s = embed(a, refs, sensitive);
    }
    if (prec !== undefined && (verb === 's' || verb === 'v' || verb === 'q')) s = s.slice(0, Number(prec));
    if (flags.includes('+') && (verb === 'd' || verb === 'f') && !s.startsWith('-')) s = '+' + s;
    if (width && s.length < Number(width)) {
      const pad = (flags.includes('0') && !flags.includes('-') ? '0' : ' ').repeat(Number(width) - s.length);
      s = flags.includes('-') ? s + pad : pad + s;
    }
    return s;
  });
  return text(out, loc, refs, sensitive);
}

/** jsonencode: keys in lexical order, no spaces, as Terraform writes it; references as placeholders. */
function jsonEncode(v: Value, refs: Set<string>, sensitive: { on: boolean }): string {
  switch (v.k) {
    case 'scalar':
      v.refs?.forEach((r) => refs.add(r));
      if (v.sensitive) sensitive.on = true;
      return JSON.stringify(v.v);
    case 'ref': refs.add(v.resource); return JSON.stringify('${' + refText(v) + '}');
    case 'list': return '[' + v.items.map((i) => jsonEncode(i, refs, sensitive)).join(',') + ']';
    case 'object': return '{' + sortedKeys(v).map((k) => JSON.stringify(k) + ':' + jsonEncode(v.props.get(k)!, refs, sensitive)).join(',') + '}';
    case 'unknown': throw new NotConcrete(v);
    case 'absent': return 'null';
  }
}

/**
 * What jsonencode writes, as a located value: each part where it is written, a reference as
 * the `${…}` placeholder the text holds, an unknown part left unknown.
 */
function jsonStructure(v: Value): Value {
  switch (v.k) {
    case 'ref': return { k: 'scalar', v: '${' + refText(v) + '}', loc: v.loc, refs: [v.resource] };
    case 'list': return { k: 'list', items: v.items.map(jsonStructure), loc: v.loc };
    case 'object': {
      const props = new Map<string, Value>();
      const keyLocs = new Map<string, Loc>();
      for (const k of sortedKeys(v)) { props.set(k, jsonStructure(v.props.get(k)!)); keyLocs.set(k, v.keyLocs.get(k) ?? v.loc); }
      return { k: 'object', props, keyLocs, loc: v.loc };
    }
    case 'absent': return { k: 'scalar', v: null, loc: v.loc };
    case 'scalar': return v.json ? withoutJson(v) : v;
    default: return v;
  }
}

function unknownsIn(v: Value, out: Unknown[]): void {
  if (v.k === 'unknown') out.push(v);
  else if (v.k === 'list') v.items.forEach((i) => unknownsIn(i, out));
  else if (v.k === 'object') v.props.forEach((p) => unknownsIn(p, out));
}

/** A value computed from a JSON text (or standing for a call's result) without the text's structure. */
function withoutJson<T extends Value>(v: T): T {
  if (!('json' in v) || v.json === undefined) return v;
  const { json: _json, ...rest } = v as T & { json?: Value };
  return rest as T;
}

/** Elements of a set in Terraform's order: distinct, strings lexically, numbers numerically. */
function toSet(vs: Value[]): Value[] {
  const out: Value[] = [];
  for (const v of vs) {
    deep(v);
    if (!out.some((o) => equal(o, v) === true)) out.push(v);
  }
  if (out.every((v) => v.k === 'scalar' && typeof v.v === 'string')) out.sort((a, b) => cmp(String((a as { v: string }).v), String((b as { v: string }).v)));
  else if (out.every((v) => v.k === 'scalar' && typeof v.v === 'number')) out.sort((a, b) => Number((a as { v: number }).v) - Number((b as { v: number }).v));
  return out;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function flatten(vs: Value[]): Value[] {
  const out: Value[] = [];
  for (const v of vs) {
    if (v.k === 'list') out.push(...flatten(v.items));
    else if (v.k === 'unknown') throw new NotConcrete(v);
    else out.push(v);
  }
  return out;
}

function convertString(a: Value | undefined, loc: Loc): Value {
  if (!a) throw new EvalError('missing argument');
  if (a.k === 'ref' || a.k === 'unknown') return a;
  if (a.k !== 'scalar') throw new EvalError(`a ${typeName(a)} cannot be converted to a string`);
  return a.v === null || typeof a.v === 'string' ? a : { ...a, v: String(a.v), loc };
}

const FUNCTIONS: Record<string, Fn> = {
  // strings
  format: ([f, ...rest], loc) => format(str(f, 'format string'), rest, loc),
  formatlist: ([f, ...rest], loc) => {
    const fmt = str(f, 'format string');
    const lists = rest.map((r) => (r.k === 'list' ? r.items : undefined));
    const n = lists.find((l) => l)?.length ?? 1;
    if (lists.some((l) => l && l.length !== n)) throw new EvalError('the lists given to formatlist have different lengths');
    rest.forEach(concrete);
    return list(Array.from({ length: n }, (_, i) => format(fmt, rest.map((r, j) => (lists[j] ? lists[j]![i]! : r)), loc)), loc);
  },
  join: ([sep, ...ls], loc) => {
    const refs = new Set<string>();
    const sensitive = { on: false };
    const parts = ls.flatMap((l) => items(l, 'list')).filter((v) => !isNull(v)).map((v) => embed(v, refs, sensitive));
    return text(parts.join(str(sep, 'separator')), loc, refs, sensitive);
  },
  split: ([sep, s], loc) => list(str(s).split(str(sep, 'separator')).map((p) => scalar(p, loc)), loc),
  lower: strFn((x) => x.toLowerCase()),
  upper: strFn((x) => x.toUpperCase()),
  title: strFn((x) => x.replace(/(^|[^\p{L}\p{N}])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase())),
  trimspace: strFn((x) => x.trim()),
  chomp: strFn((x) => x.replace(/(\r?\n)+$/, '')),
  strrev: strFn((x) => [...x].reverse().join('')),
  trim: ([s, chars], loc) => {
    const set = new Set([...str(chars)]);
    const cs = [...str(s)];
    let a = 0, b = cs.length;
    while (a < b && set.has(cs[a]!)) a++;
    while (b > a && set.has(cs[b - 1]!)) b--;
    return scalar(cs.slice(a, b).join(''), loc);
  },
  trimprefix: ([s, p], loc) => { const x = str(s), pre = str(p); return scalar(x.startsWith(pre) ? x.slice(pre.length) : x, loc); },
  trimsuffix: ([s, p], loc) => { const x = str(s), suf = str(p); return scalar(suf && x.endsWith(suf) ? x.slice(0, -suf.length) : x, loc); },
  startswith: ([s, p], loc) => scalar(str(s).startsWith(str(p)), loc),
  endswith: ([s, p], loc) => scalar(str(s).endsWith(str(p)), loc),
  strcontains: ([s, p], loc) => scalar(str(s).includes(str(p)), loc),
  indent: ([n, s], loc) => scalar(str(s).replace(/\n/g, '\n' + ' '.repeat(num(n))), loc),
  substr: ([s, off, len], loc) => {
    const cs = [...str(s)];
    let o = num(off);
    let l = num(len);
    if (o < 0) o = Math.max(0, cs.length + o);
    if (o > cs.length) throw new EvalError('offset is beyond the end of the string');
    if (l < 0) l = cs.length - o;
    return scalar(cs.slice(o, o + l).join(''), loc);
  },
  replace: ([s, search, repl], loc) => {
    const x = str(s), f = str(search), r = str(repl);
    if (f.length > 1 && f.startsWith('/') && f.endsWith('/')) {
      const re = regex(f.slice(1, -1), true);
      return scalar(x.replace(re, r.replace(/\$\{(\w+)\}/g, (_m, g: string) => (/^\d+$/.test(g) ? `$${g}` : `$<${g}>`))), loc);
    }
    return scalar(f === '' ? x : x.split(f).join(r), loc);
  },
  regex: ([p, s], loc) => {
    const m = str(s).match(regex(str(p)));
    if (!m) throw new EvalError(`pattern ${JSON.stringify(str(p))} does not match`);
    return regexResult(m, loc);
  },
  regexall: ([p, s], loc) => {
    const re = regex(str(p), true);
    return list([...str(s).matchAll(re)].map((m) => regexResult(m, loc)), loc);
  },
  tostring: ([a], loc) => convertString(a, loc),
  tonumber: ([a], loc) => (a && isNull(a) ? a : scalar(num(a), loc)),
  tobool: ([a], loc) => (a && isNull(a) ? a : scalar(bool(a), loc)),

  // collections
  length: ([a], loc) => {
    if (!a) throw new EvalError('missing argument');
    concrete(a);
    if (a.k === 'list') return scalar(a.items.length, loc);
    if (a.k === 'object') return scalar(a.props.size, loc);
    return scalar([...str(a)].length, loc);
  },
  concat: (args, loc) => list(args.flatMap((a) => items(a, 'argument of concat')), loc),
  merge: (args, loc) => {
    const entries = new Map<string, [Value, Loc]>();
    for (const a of args) {
      if (isNull(a)) continue;
      const o = obj(a, 'argument of merge');
      for (const [k, v] of o.props) { entries.delete(k); entries.set(k, [v, o.keyLocs.get(k) ?? v.loc]); }
    }
    return object([...entries].map(([k, [v, l]]) => [k, v, l]), loc);
  },
  lookup: ([m, k, d]) => {
    const o = obj(m, 'map');
    const v = o.props.get(str(k, 'key'));
    if (v !== undefined) return v;
    if (d === undefined) throw new EvalError(`no key ${JSON.stringify(str(k))} and no default`);
    return d;
  },
  element: ([l, i]) => {
    const xs = items(l);
    if (!xs.length) throw new EvalError('element() of an empty list');
    const n = Math.trunc(num(i));
    if (n < 0) throw new EvalError('element() index is negative');
    return xs[n % xs.length]!;
  },
  index: ([l, v], loc) => {
    const i = items(l).findIndex((x) => equal(deep(x), deep(v!)) === true);
    if (i < 0) throw new EvalError('the value is not in the list');
    return scalar(i, loc);
  },
  one: ([l], loc) => {
    if (l && isNull(l)) return l;
    const xs = items(l);
    if (xs.length > 1) throw new EvalError(`one() of a list with ${xs.length} elements`);
    return xs[0] ?? scalar(null, loc);
  },
  coalesce: (args) => {
    for (const a of args) {
      concrete(a);
      if (isNull(a) || (a.k === 'scalar' && a.v === '')) continue;
      return a;
    }
    throw new EvalError('no non-null, non-empty argument');
  },
  coalescelist: (args) => {
    for (const a of args) if (!isNull(a) && items(a).length) return a;
    throw new EvalError('no non-empty list');
  },
  compact: ([l], loc) => list(items(l).filter((v) => { concrete(v); return !isNull(v) && !(v.k === 'scalar' && v.v === ''); }), loc),
  contains: ([l, v], loc) => {
    let undecided = false;
    for (const x of items(l)) {
      const e = equal(x, v!);
      if (e === true) return scalar(true, loc);
      if (e === undefined) undecided = true;
    }
    if (undecided) throw new NotConcrete(firstUnknown([l!, v!], true) ?? unknown('contains() compares values known only after apply', [], loc));
    return scalar(false, loc);
  },
  distinct: ([l], loc) => {
    const out: Value[] = [];
    for (const v of items(l)) { deep(v); if (!out.some((o) => equal(o, v) === true)) out.push(v); }
    return list(out, loc);
  },
  flatten: ([l], loc) => list(flatten(items(l)), loc),
  keys: ([m], loc) => { const o = obj(m); return list(sortedKeys(o).map((k) => scalar(k, o.keyLocs.get(k) ?? loc)), loc); },
  values: ([m], loc) => { const o = obj(m); return list(sortedKeys(o).map((k) => o.props.get(k)!), loc); },
  zipmap: ([ks, vs], loc) => {
    const k = items(ks), v = items(vs);
    if (k.length !== v.length) throw new EvalError('zipmap() keys and values differ in length');
    return object(k.map((x, i) => [str(x, 'key'), v[i]!, x.loc]), loc);
  },
  range: (args, loc) => {
    const n = args.map((a) => num(a));
    const [start, limit, step] = n.length === 1 ? [0, n[0]!, 1] : [n[0]!, n[1]!, n[2] ?? (n[1]! >= n[0]! ? 1 : -1)];
    if (step === 0) throw new EvalError('range() step is zero');
    const out: Value[] = [];
    for (let i = start; step > 0 ? i < limit : i > limit; i += step) {
      if (out.length >= 1024) throw new EvalError('range() would produce more than 1024 elements');
      out.push(scalar(i, loc));
    }
    return list(out, loc);
  },
  slice: ([l, a, b], loc) => {
    const xs = items(l), s = num(a), e = num(b);
    if (s < 0 || e > xs.length || s > e) throw new EvalError(`slice(${s}, ${e}) is out of range for ${xs.length} elements`);
    return list(xs.slice(s, e), loc);
  },
  sort: ([l], loc) => list(items(l).map((v) => scalar(str(v), v.loc)).sort((a, b) => cmp(String((a as { v: string }).v), String((b as { v: string }).v))), loc),
  reverse: ([l], loc) => list([...items(l)].reverse(), loc),
  toset: ([l], loc) => (l && isNull(l) ? l : list(toSet(items(l)), loc)),
  tolist: ([l], loc) => (l && isNull(l) ? l : list(items(l), loc)),
  tomap: ([m]) => (m && isNull(m) ? m : obj(m)),
  setunion: (args, loc) => list(toSet(args.flatMap((a) => items(a))), loc),
  setintersection: ([first, ...rest], loc) => list(toSet(items(first).filter((v) => rest.every((r) => items(r).some((x) => equal(deep(x), deep(v)) === true)))), loc),
  setsubtract: ([a, b], loc) => list(toSet(items(a).filter((v) => !items(b).some((x) => equal(deep(x), deep(v)) === true))), loc),
  setproduct: (args, loc) => {
    let acc: Value[][] = [[]];
    for (const a of args) acc = acc.flatMap((prefix) => items(a).map((v) => [...prefix, v]));
    return list(acc.map((t) => list(t, loc)), loc);
  },
  chunklist: ([l, n], loc) => {
    const xs = items(l), size = num(n);
    if (size <= 0) return list([list(xs, loc)], loc);
    const out: Value[] = [];
    for (let i = 0; i < xs.length; i += size) out.push(list(xs.slice(i, i + size), loc));
    return list(out, loc);
  },
  transpose: ([m], loc) => {
    const out = new Map<string, Value[]>();
    const o = obj(m);
    for (const k of sortedKeys(o)) for (const v of items(o.props.get(k))) { const key = str(v); out.set(key, [...(out.get(key) ?? []), scalar(k, loc)]); }
    return object([...out].map(([k, vs]) => [k, list(vs, loc)]), loc);
  },
  matchkeys: ([vs, ks, search], loc) => {
    const v = items(vs), k = items(ks), s = items(search);
    if (v.length !== k.length) throw new EvalError('matchkeys() values and keys differ in length');
    return list(v.filter((_, i) => s.some((x) => equal(deep(x), deep(k[i]!)) === true)), loc);
  },
  alltrue: ([l], loc) => scalar(items(l).every((v) => bool(v)), loc),
  anytrue: ([l], loc) => scalar(items(l).some((v) => bool(v)), loc),
  sum: ([l], loc) => scalar(items(l).reduce((a, v) => a + num(v), 0), loc),
  min: (args, loc) => { if (!args.length) throw new EvalError('min() of nothing'); return scalar(Math.min(...args.map((a) => num(a))), loc); },
  max: (args, loc) => { if (!args.length) throw new EvalError('max() of nothing'); return scalar(Math.max(...args.map((a) => num(a))), loc); },
  abs: numFn(Math.abs),
  ceil: numFn(Math.ceil),
  floor: numFn(Math.floor),
  signum: numFn(Math.sign),
  pow: ([a, b], loc) => scalar(Math.pow(num(a), num(b)), loc),
  log: ([a, b], loc) => scalar(Math.log(num(a)) / Math.log(num(b)), loc),
  parseint: ([s, b], loc) => {
    const base = num(b);
    const x = str(s);
    const n = parseInt(x, base);
    if (!Number.isFinite(n) || !new RegExp(`^[-+]?[0-9a-z]+$`, 'i').test(x)) throw new EvalError(`${JSON.stringify(x)} is not a number in base ${base}`);
    return scalar(n, loc);
  },

  // encodings and hashes
  jsonencode: ([a], loc) => {
    const refs = new Set<string>();
    const sensitive = { on: false };
    const structure = jsonStructure(a!);
    // Nothing of the document is known: the call's result is that unknown, where the call is.
    if (structure.k === 'unknown') return withoutJson(structure);
    const holes: Unknown[] = [];
    unknownsIn(structure, holes);
    if (holes.length) {
      // The text is not known, but the document is, but for these parts: kept for its readers.
      const u = unknown(`part of the JSON document is not known: ${holes[0]!.reason}`, holes.flatMap((h) => h.params), loc);
      return { ...u, json: structure };
    }
    return { ...text(jsonEncode(a!, refs, sensitive), loc, refs, sensitive), json: structure } as Value;
  },
  jsondecode: ([a], loc) => {
    try { return fromJs(JSON.parse(str(a)), loc); } catch (e) {
      if (e instanceof SyntaxError) throw new EvalError(`not valid JSON: ${e.message}`);
      throw e;
    }
  },
  yamldecode: ([a], loc) => {
    try { return fromJs(parseYaml(str(a)), loc); } catch (e) {
      if (e instanceof NotConcrete || e instanceof EvalError) throw e;
      throw new EvalError(`not valid YAML: ${(e as Error).message}`);
    }
  },
  yamlencode: ([a], loc) => scalar(yamlStringify(toJs(deep(a!))), loc),
  base64encode: strFn((x) => Buffer.from(x, 'utf8').toString('base64')),
  base64decode: strFn((x) => Buffer.from(x, 'base64').toString('utf8')),
  urlencode: strFn((x) => encodeURIComponent(x).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())),
  md5: hash('md5', 'hex'),
  sha1: hash('sha1', 'hex'),
  sha256: hash('sha256', 'hex'),
  sha512: hash('sha512', 'hex'),
  base64sha256: hash('sha256', 'base64'),
  base64sha512: hash('sha512', 'base64'),

  // sensitivity
  sensitive: ([a]) => (a!.k === 'scalar' ? { ...a!, sensitive: true } : a!),
  nonsensitive: ([a]) => { if (a!.k !== 'scalar') return a!; const { sensitive: _s, ...rest } = a!; return rest; },

  // files and paths
  file: ([p], loc, s) => {
    const t = s.env.readFile(str(p, 'path'), loc);
    return typeof t === 'string' ? scalar(t, loc) : t;
  },
  filebase64: ([p], loc, s) => {
    const t = s.env.readFile(str(p, 'path'), loc);
    return typeof t === 'string' ? scalar(Buffer.from(t, 'utf8').toString('base64'), loc) : t;
  },
  fileexists: ([p], loc, s) => {
    const t = s.env.readFile(str(p, 'path'), loc);
    return typeof t === 'string' ? scalar(true, loc) : /does not exist/.test(t.reason) ? scalar(false, loc) : t;
  },
  templatefile: ([p, vars], loc, s) => templatefile(str(p, 'path'), vars, loc, s),
  filemd5: fileHash('md5', 'hex'),
  filesha1: fileHash('sha1', 'hex'),
  filesha256: fileHash('sha256', 'hex'),
  filesha512: fileHash('sha512', 'hex'),
  filebase64sha256: fileHash('sha256', 'base64'),
  filebase64sha512: fileHash('sha512', 'base64'),
  basename: strFn((x) => x.replace(/\/+$/, '').split('/').pop() ?? ''),
  dirname: strFn((x) => { const i = x.replace(/\/+$/, '').lastIndexOf('/'); return i < 0 ? '.' : i === 0 ? '/' : x.slice(0, i); }),
  abspath: strFn((x) => x),
  pathexpand: strFn((x) => x),

  // networks
  cidrsubnet: ([p, bits, n], loc) => scalar(cidrsubnet(str(p), num(bits), num(n)), loc),
  cidrsubnets: ([p, ...bits], loc) => {
    const prefix = str(p);
    const out: Value[] = [];
    let next = 0n;
    for (const b of bits) {
      // Each subnet starts at the first boundary of its own size after the previous one.
      const r = cidrsubnetsNext(prefix, num(b), next);
      out.push(scalar(r.cidr, loc));
      next = r.end;
    }
    return list(out, loc);
  },
  cidrhost: ([p, n], loc) => scalar(cidrhost(str(p), num(n)), loc),
  cidrnetmask: ([p], loc) => scalar(cidrnetmask(str(p)), loc),
};

/** One subnet of `cidrsubnets`: the first of `newbits` size at or after address offset `from`. */
function cidrsubnetsNext(prefix: string, newbits: number, from: bigint): { cidr: string; end: bigint } {
  const base = Number(prefix.split('/')[1]);
  const v6 = prefix.includes(':');
  const total = v6 ? 128 : 32;
  const size = 1n << BigInt(total - base - newbits);
  const netnum = (from + size - 1n) / size;
  const cidr = cidrsubnet(prefix, newbits, Number(netnum));
  return { cidr, end: (netnum + 1n) * size };
}

function templatefile(path: string, vars: Value | undefined, loc: Loc, s: Scope): Value {
  const t = s.env.readFile(path, loc);
  if (typeof t !== 'string') return t;
  const parsed = parseTemplate(t);
  if (parsed.errors.length) {
    const e = parsed.errors[0]!;
    throw new EvalError(`template ${path} line ${e.line}: ${e.message}`);
  }
  const bound = new Map<string, Value>();
  if (vars) for (const [k, v] of obj(vars, 'variables').props) bound.set(k, v);
  // The template sees only the variables it is given; its own locations are not the user's
  // configuration, so the result is located at the call.
  const scope: Scope = { env: s.env, file: loc.file, text: t, vars: bound };
  const v = evaluate(parsed.expr, scope);
  return v.k === 'scalar' || v.k === 'unknown' ? { ...v, loc } : v;
}

export { textOf };
