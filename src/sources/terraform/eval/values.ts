// Terraform values as model values. Terraform's own types (string, number, bool, list, set,
// tuple, map, object, null) collapse onto the model's scalar, list and object; what cannot be
// decided before apply is `ref` (another resource's attribute) or `unknown` (why, and what it
// depends on). Every helper keeps locations.
import type { Loc, ObjectValue, Scalar, Value } from '../../../model/types.js';

export type Unknown = Extract<Value, { k: 'unknown' }>;
export type ScalarValue = Extract<Value, { k: 'scalar' }>;

/**
 * Something Terraform itself would reject (an attribute that does not exist, an index out of
 * range, a function given the wrong type). `try()` and `can()` catch it; elsewhere the value
 * becomes unknown with this message, since Attest's reading may be what is missing.
 */
export class EvalError {
  // Not an Error: try() and can() throw and catch these by the thousand, and an Error's stack trace is costly.
  constructor(readonly message: string) {}
  toString(): string { return this.message; }
}

export const scalar = (v: Scalar, loc: Loc): Value => ({ k: 'scalar', v, loc });
export const list = (items: Value[], loc: Loc): Value => ({ k: 'list', items, loc });

export function object(entries: Iterable<[string, Value, Loc?]>, loc: Loc): ObjectValue {
  const props = new Map<string, Value>();
  const keyLocs = new Map<string, Loc>();
  for (const [k, v, kl] of entries) { props.set(k, v); keyLocs.set(k, kl ?? v.loc); }
  return { k: 'object', props, keyLocs, loc };
}

export function unknown(reason: string, params: string[], loc: Loc, alts?: Value[]): Unknown {
  const u: Unknown = { k: 'unknown', reason, params: [...new Set(params)], loc };
  if (alts) u.alts = alts;
  return u;
}

/** The first unknown among `vs` (deeply, when `deep`), with the parameters of all of them. */
export function firstUnknown(vs: Value[], deep: boolean): Unknown | undefined {
  let first: Unknown | undefined;
  const params: string[] = [];
  const walk = (v: Value) => {
    if (v.k === 'unknown') { first ??= v; params.push(...v.params); return; }
    if (!deep) return;
    if (v.k === 'list') v.items.forEach(walk);
    else if (v.k === 'object') v.props.forEach(walk);
  };
  vs.forEach(walk);
  if (!first) return undefined;
  // What is computed from an unknown JSON text is not that text: its structure stays behind.
  if (first.json) { const { json: _json, ...rest } = first; first = rest; }
  return params.length === first.params.length ? first : { ...first, params: [...new Set(params)] };
}

/** The same value, every location moved to `loc` (a value used away from where it was written), optionally saying where it came from. */
export function relocate(v: Value, loc: Loc, via?: string): Value {
  switch (v.k) {
    case 'scalar': {
      const out: ScalarValue = { ...v, loc };
      if (via && !v.via) out.via = via;
      return out;
    }
    case 'list': return { k: 'list', items: v.items.map((i) => relocate(i, loc, via)), loc };
    case 'object': {
      const props = new Map<string, Value>();
      const keyLocs = new Map<string, Loc>();
      v.props.forEach((pv, k) => { props.set(k, relocate(pv, loc, via)); keyLocs.set(k, loc); });
      return { k: 'object', props, keyLocs, loc };
    }
    case 'unknown': return { ...v, loc, ...(v.alts ? { alts: v.alts.map((a) => relocate(a, loc, via)) } : {}) };
    default: return { ...v, loc };
  }
}

export function isNull(v: Value): boolean {
  return v.k === 'scalar' && v.v === null;
}

/** Deep equality of concrete values; undefined when either side is not decidable. */
export function equal(a: Value, b: Value): boolean | undefined {
  if (a.k === 'unknown' || b.k === 'unknown') return undefined;
  if (a.k === 'ref' || b.k === 'ref') {
    if (a.k === 'ref' && b.k === 'ref' && a.resource === b.resource && a.attr === b.attr) return true;
    // A resource attribute known only after apply is never null, so it differs from null.
    if (isNull(a) || isNull(b)) return false;
    return undefined;
  }
  if (a.k === 'scalar' && b.k === 'scalar') {
    if (a.refs?.length || b.refs?.length) return a.v === b.v ? true : undefined;
    return a.v === b.v;
  }
  if (a.k === 'list' && b.k === 'list') {
    if (a.items.length !== b.items.length) return false;
    let all = true;
    for (let i = 0; i < a.items.length; i++) {
      const e = equal(a.items[i]!, b.items[i]!);
      if (e === false) return false;
      if (e === undefined) all = false;
    }
    return all ? true : undefined;
  }
  if (a.k === 'object' && b.k === 'object') {
    if (a.props.size !== b.props.size) return false;
    let all = true;
    for (const [k, av] of a.props) {
      const bv = b.props.get(k);
      if (!bv) return false;
      const e = equal(av, bv);
      if (e === false) return false;
      if (e === undefined) all = false;
    }
    return all ? true : undefined;
  }
  return false;
}

/** Keys of a map or object in Terraform's iteration order (lexical). */
export function sortedKeys(o: ObjectValue): string[] {
  return [...o.props.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Text of a value where a string is expected, or undefined when it is not a primitive. */
export function scalarText(s: Scalar): string {
  return s === null ? '' : typeof s === 'string' ? s : String(s);
}

/** Short description of a value's type, for messages. */
export function typeName(v: Value): string {
  switch (v.k) {
    case 'scalar': return v.v === null ? 'null' : typeof v.v === 'string' ? 'string' : typeof v.v === 'number' ? 'number' : 'bool';
    case 'list': return 'list';
    case 'object': return 'object';
    case 'ref': return 'resource attribute';
    default: return 'unknown';
  }
}

/** `aws_x.a.arn` as written, for messages and placeholders. */
export function refText(r: Extract<Value, { k: 'ref' }>): string {
  return r.attr ? `${r.resource}.${r.attr}` : r.resource;
}

/** An unknown standing for an attribute known only after apply, where its exact value matters. */
export function afterApply(r: Extract<Value, { k: 'ref' }>, loc: Loc, what?: string): Unknown {
  return unknown(`${what ? what + ': ' : ''}${refText(r)} is known only after apply`, [], loc);
}

/**
 * A value as a string, or how it is not one. A resource attribute known after apply is
 * written as the placeholder `${aws_x.a.arn}` (the way a CloudFormation `!Sub` renders its
 * references) and recorded in `refs`, so text around it stays exact.
 */
export function toText(v: Value, refs: Set<string>, sensitive: { on: boolean }): string | Unknown | EvalError {
  switch (v.k) {
    case 'scalar':
      if (v.v === null) return new EvalError('a null value cannot be used in a string');
      v.refs?.forEach((r) => refs.add(r));
      if (v.sensitive) sensitive.on = true;
      return scalarText(v.v);
    case 'ref':
      refs.add(v.resource);
      return '${' + refText(v) + '}';
    case 'unknown': return v;
    default: return new EvalError(`a ${typeName(v)} cannot be used in a string`);
  }
}

/** Plain JSON of a concrete value (for functions that compute on data); refs and unknowns are reported, not guessed. */
export function toJs(v: Value): unknown {
  switch (v.k) {
    case 'scalar': return v.v;
    case 'list': return v.items.map(toJs);
    case 'object': {
      const o: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const [k, pv] of v.props) o[k] = toJs(pv);
      return o;
    }
    case 'ref': throw new NotConcrete(afterApply(v, v.loc));
    case 'unknown': throw new NotConcrete(v);
    case 'absent': return null;
  }
}

/** Thrown inside a function when an argument is not known before apply; the call's value is then that unknown. */
export class NotConcrete {
  constructor(readonly value: Unknown) {}
  toString(): string { return this.value.reason; }
}

/** A JSON value as a model value, everything located at `loc`. */
export function fromJs(x: unknown, loc: Loc): Value {
  if (Array.isArray(x)) return list(x.map((i) => fromJs(i, loc)), loc);
  if (x && typeof x === 'object') return object(Object.entries(x as Record<string, unknown>).map(([k, v]) => [k, fromJs(v, loc), loc]), loc);
  if (x === undefined) return scalar(null, loc);
  return scalar(x as Scalar, loc);
}

/** Truthiness of a Terraform bool (the strings "true"/"false" convert). */
export function asBoolean(v: Value): boolean | Unknown | EvalError {
  if (v.k === 'unknown') return v;
  if (v.k === 'ref') return afterApply(v, v.loc);
  if (v.k === 'scalar') {
    if (typeof v.v === 'boolean') return v.v;
    if (v.v === 'true') return true;
    if (v.v === 'false') return false;
    if (v.v === null) return new EvalError('a condition is null');
  }
  return new EvalError(`a ${typeName(v)} is not a bool`);
}

export function asNum(v: Value): number | Unknown | EvalError {
  if (v.k === 'unknown') return v;
  if (v.k === 'ref') return afterApply(v, v.loc);
  if (v.k === 'scalar') {
    if (typeof v.v === 'number') return v.v;
    if (typeof v.v === 'string' && v.v.trim() !== '' && Number.isFinite(Number(v.v))) return Number(v.v);
  }
  return new EvalError(`${v.k === 'scalar' ? JSON.stringify(v.v) : 'a ' + typeName(v)} is not a number`);
}
