// Helpers shared by the analytics pack's controls (DocumentDB, Neptune, MSK, MQ, Glue, EMR, ...).
import type { Value } from '../../model/types.js';
import { asBool, asString, prop } from '../../model/value.js';
import { decide, evidenceAt, type Outcome, type ResourceContext, type Verdict } from '../api.js';
import { whereWritten } from './where.js';

type U = Value & { k: 'unknown' };

/**
 * A list (of strings) holding `name` (case-insensitive): true when an item equals it; unknown
 * when the list, or one of its items, is known only at deploy time; false otherwise (absent too).
 */
export function listIncludes(name: string): (v: Value | undefined) => Verdict {
  const want = name.toLowerCase();
  return (v) => {
    if (v === undefined || v.k === 'absent') return false;
    if (v.k === 'unknown') return { unknown: v };
    const items = v.k === 'list' ? v.items : [v];
    let blocked: U | undefined;
    for (const it of items) {
      if (it.k === 'unknown') { blocked ??= it; continue; }
      const s = asString(it);
      if (s !== undefined && s.toLowerCase() === want) return true;
    }
    return blocked ? { unknown: blocked } : false;
  };
}

/** A string equal (case-insensitive) to `want`, with `def` standing for an absent value. */
export function equalsOr(want: string, def: string | undefined): (v: Value | undefined) => Verdict {
  return (v) => {
    if (v === undefined || v.k === 'absent') return def !== undefined && def.toLowerCase() === want.toLowerCase();
    if (v.k === 'unknown') return { unknown: v };
    const s = asString(v);
    return s !== undefined && s.toLowerCase() === want.toLowerCase();
  };
}

/** A boolean, with `def` standing for an absent value: true passes. */
export function trueOr(def: boolean): (v: Value | undefined) => Verdict {
  return (v) => {
    if (v === undefined || v.k === 'absent') return def;
    if (v.k === 'unknown') return { unknown: v };
    return asBool(v) === true;
  };
}

/** A boolean, with `def` standing for an absent value: anything but true passes. */
export function notTrueOr(def: boolean): (v: Value | undefined) => Verdict {
  return (v) => {
    if (v === undefined || v.k === 'absent') return !def;
    if (v.k === 'unknown') return { unknown: v };
    return asBool(v) !== true;
  };
}

/**
 * `expect` with the verdict located where the property is written, or at the resource when
 * it is left out, a value known only at deploy time on its path deciding nothing, and a note
 * on the evidence of a property left out (the default AWS applies).
 */
export function expectWhere(r: ResourceContext, path: string, test: (v: Value | undefined) => Verdict, messages: { pass: string; fail: string; unknown: string }, absentNote?: string): Outcome {
  const v = getBlocked(r.properties, path);
  const d = decide(v, test);
  // A property left out is decided by the resource as a whole: the verdict points at it.
  const at = v === undefined ? r.resource.loc : whereWritten(r, path);
  const ev = [evidenceAt(`Properties.${path}`, v, at, v === undefined ? absentNote : undefined)];
  if (d === true) return r.pass(messages.pass, at, ev);
  if (d === false) return r.fail(messages.fail, at, ev);
  return r.unknown(messages.unknown, d.unknown, at, ev);
}

/**
 * A database cluster restored from a snapshot inherits the snapshot's encryption when
 * StorageEncrypted is left out: that is not known from the template.
 */
export function inheritsFromSnapshot(r: ResourceContext, snapshotProps: string[]): Outcome | undefined {
  if (r.get('StorageEncrypted') !== undefined) return undefined;
  for (const p of snapshotProps) {
    const v = r.get(p);
    if (v === undefined) continue;
    return r.unknown(`StorageEncrypted is left out and the cluster is restored from ${p}: encryption is inherited from the snapshot, which is not known from the template`, v.k === 'unknown' ? v : undefined, r.locate(p), [r.evidence(p, v)]);
  }
  return undefined;
}

/** The object a JSON property holds: an object, or a JSON text (CloudFormation accepts both for Json properties). */
export function jsonObject(v: Value | undefined): Value | undefined {
  if (!v || v.k !== 'scalar' || typeof v.v !== 'string') return v;
  let parsed: unknown;
  try { parsed = JSON.parse(v.v); } catch { return v; }
  const conv = (x: unknown): Value => {
    if (Array.isArray(x)) return { k: 'list', items: x.map(conv), loc: v.loc };
    if (x && typeof x === 'object') {
      const props = new Map<string, Value>();
      const keyLocs = new Map();
      for (const [k, val] of Object.entries(x)) { props.set(k, conv(val)); keyLocs.set(k, v.loc); }
      return { k: 'object', props, keyLocs, loc: v.loc };
    }
    return { k: 'scalar', v: x as string | number | boolean | null, loc: v.loc };
  };
  return conv(parsed);
}

/**
 * The value at a dotted path, or the value known only at deploy time met on the way (an
 * `Fn::If` choosing a whole block): what it holds is not known, so neither is the property.
 */
export function getBlocked(base: Value | undefined, path: string): Value | undefined {
  let cur = base;
  for (const part of path.split('.')) {
    if (!cur) return undefined;
    // An enclosing block's alternatives are whole blocks, not this property's values.
    if (cur.k === 'unknown') return { ...cur, alts: undefined };
    if (cur.k !== 'object') return undefined;
    cur = cur.props.get(part);
  }
  return cur;
}

/** `prop` along a dotted path. */
export function propPath(v: Value | undefined, path: string): Value | undefined {
  let cur = v;
  for (const part of path.split('.')) cur = prop(cur, part);
  return cur;
}
