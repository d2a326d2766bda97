// Small predicates over resolved values, for ResourceContext.expect and custom controls.
// Each returns a Verdict: true, false, or { unknown } when a deploy-time value blocks it.
import type { Value } from '../model/types.js';
import { asBool, asNumber, asString } from '../model/value.js';
import type { Verdict } from './api.js';

type U = Value & { k: 'unknown' };
const blocked = (v: Value | undefined): U | undefined => (v && v.k === 'unknown' ? v : undefined);

/** Set to true (or "true"). Absent is false. */
export function isTrue(v: Value | undefined): Verdict {
  const u = blocked(v);
  if (u) return { unknown: u };
  return asBool(v) === true;
}

/** Not set to true: absent or false passes. */
export function isNotTrue(v: Value | undefined): Verdict {
  const u = blocked(v);
  if (u) return { unknown: u };
  return asBool(v) !== true;
}

/** Set to false explicitly. */
export function isFalse(v: Value | undefined): Verdict {
  const u = blocked(v);
  if (u) return { unknown: u };
  return asBool(v) === false;
}

/** Present and not an empty string / empty list / empty object. A reference counts as present. */
export function isPresent(v: Value | undefined): Verdict {
  const u = blocked(v);
  if (u) return { unknown: u };
  if (!v || v.k === 'absent') return false;
  if (v.k === 'scalar') return v.v !== null && String(v.v).trim() !== '';
  if (v.k === 'list') return v.items.length > 0;
  if (v.k === 'object') return v.props.size > 0;
  return true;
}

/** A string equal to one of `allowed` (case-sensitive unless `ci`). */
export function oneOf(allowed: string[], ci = false): (v: Value | undefined) => Verdict {
  const set = new Set(ci ? allowed.map((a) => a.toLowerCase()) : allowed);
  return (v) => {
    const u = blocked(v);
    if (u) return { unknown: u };
    const s = asString(v);
    if (s === undefined) return false;
    return set.has(ci ? s.toLowerCase() : s);
  };
}

/** Absent, or a string not in `denied`. */
export function noneOf(denied: string[], ci = false): (v: Value | undefined) => Verdict {
  const test = oneOf(denied, ci);
  return (v) => {
    if (!v) return true;
    const r = test(v);
    return r === true ? false : r === false ? true : r;
  };
}

/** A number >= min. Absent is false. */
export function atLeast(min: number): (v: Value | undefined) => Verdict {
  return (v) => {
    const u = blocked(v);
    if (u) return { unknown: u };
    const n = asNumber(v);
    return n !== undefined && n >= min;
  };
}

/** A number <= max, and > 0 unless allowZero. Absent is false. */
export function atMost(max: number): (v: Value | undefined) => Verdict {
  return (v) => {
    const u = blocked(v);
    if (u) return { unknown: u };
    const n = asNumber(v);
    return n !== undefined && n <= max;
  };
}

/** The value's string form contains the substring (ARNs, policy names). */
export function contains(sub: string): (v: Value | undefined) => Verdict {
  return (v) => {
    const u = blocked(v);
    if (u) return { unknown: u };
    const s = asString(v);
    return s !== undefined && s.includes(sub);
  };
}
