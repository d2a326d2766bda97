// Locating a verdict about a property that may be missing.
import type { Loc, Value } from '../../model/types.js';
import { decide, evidenceAt, type Outcome, type ResourceContext, type Verdict } from '../api.js';

/**
 * Where `path` is written, or the innermost block on it that lacks the rest; when even the
 * first block of the path is missing, the resource itself rather than whichever property
 * happens to come first.
 */
export function whereWritten(r: ResourceContext, path: string): Loc {
  return r.properties.props.has(path.split('.')[0]) ? r.locate(path) : r.resource.loc;
}

/** `ResourceContext.expect`, with a missing property located by `whereWritten`. */
export function expectAt(r: ResourceContext, path: string, test: (v: Value | undefined) => Verdict, messages: { pass: string; fail: string; unknown?: string }, note?: string): Outcome {
  const v = r.get(path);
  const d = decide(v, test);
  const at = whereWritten(r, path);
  const ev = [evidenceAt(`Properties.${path}`, v, at, v === undefined ? note : undefined)];
  if (d === true) return r.pass(messages.pass, at, ev);
  if (d === false) return r.fail(messages.fail, at, ev);
  return r.unknown(messages.unknown ?? `cannot tell whether ${path} is set correctly`, d.unknown, at, ev);
}

/**
 * The value at `path` below `base`, seeing through values known only at deploy time on the
 * way (a configuration object from a parameter, a Terraform block not known before apply):
 * an unknown with alternatives has each followed along the rest of the path (one without it
 * standing as absent), and one without alternatives is the answer, so a setting below it is
 * unknown rather than missing.
 */
export function valueThrough(base: Value | undefined, path: string): Value | undefined {
  let cur = base;
  const parts = path.split('.');
  for (let i = 0; i < parts.length; i++) {
    if (!cur) return undefined;
    if (cur.k === 'unknown') {
      if (!cur.alts?.length) return cur;
      const rest = parts.slice(i).join('.');
      return { ...cur, alts: cur.alts.map((a): Value => valueThrough(a.k === 'absent' ? undefined : a, rest) ?? { k: 'absent', loc: a.loc }) };
    }
    if (cur.k !== 'object') return undefined;
    cur = cur.props.get(parts[i]!);
  }
  return cur;
}

/** `expectAt` over `valueThrough`: a block known only at deploy time makes the verdict unknown rather than absent. */
export function expectThrough(r: ResourceContext, path: string, test: (v: Value | undefined) => Verdict, messages: { pass: string; fail: string; unknown: string }, note?: string): Outcome {
  const v = valueThrough(r.properties, path);
  const d = decide(v, test);
  const at = whereWritten(r, path);
  const ev = [evidenceAt(`Properties.${path}`, v, at, v === undefined ? note : undefined)];
  if (d === true) return r.pass(messages.pass, at, ev);
  if (d === false) return r.fail(messages.fail, at, ev);
  return r.unknown(messages.unknown, d.unknown, at, ev);
}
