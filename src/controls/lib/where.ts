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
