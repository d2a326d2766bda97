// Helpers shared by the analytics pack's controls (DocumentDB, Neptune, MSK, MQ, Glue, EMR, ...).
import type { Value } from '../../model/types.js';
import { asBool, asString } from '../../model/value.js';
import { decide, evidenceAt, type Outcome, type ResourceContext, type Verdict } from '../api.js';

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

