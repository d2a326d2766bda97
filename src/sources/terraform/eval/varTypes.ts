// Variable type constraints (`type = object({ enabled = optional(bool, true) })`) applied to
// the values variables receive, as Terraform converts them: a module reading
// `var.settings.enabled` relies on the optional attribute's default being filled in.
import type { Loc, Value } from '../../../model/types.js';
import type { Expr } from '../hcl/ast.js';
import { evaluate, type Scope } from './expr.js';
import { isNull, scalar, scalarText } from './values.js';

export type VarType =
  | { k: 'any' | 'string' | 'number' | 'bool' }
  | { k: 'list' | 'set' | 'map'; el: VarType }
  | { k: 'tuple'; els: VarType[] }
  | { k: 'object'; attrs: Map<string, { type: VarType; optional: boolean; def?: Expr }> };

const ANY: VarType = { k: 'any' };

/** The type a `type = …` expression writes; anything not understood is `any` (no conversion). */
export function typeOf(e: Expr | undefined): VarType {
  if (!e) return ANY;
  if (e.t === 'var' && (e.name === 'string' || e.name === 'number' || e.name === 'bool' || e.name === 'any')) return { k: e.name };
  if (e.t !== 'call') return ANY;
  const [a] = e.args;
  switch (e.name) {
    case 'list': case 'set': case 'map': return { k: e.name, el: typeOf(a) };
    case 'tuple': return { k: 'tuple', els: a?.t === 'tuple' ? a.items.map(typeOf) : [] };
    case 'object': {
      const attrs = new Map<string, { type: VarType; optional: boolean; def?: Expr }>();
      if (a?.t === 'object') {
        for (const item of a.items) {
          if (item.key.t !== 'lit' || typeof item.key.v !== 'string') continue;
          const v = item.value;
          if (v.t === 'call' && v.name === 'optional') {
            const entry: { type: VarType; optional: boolean; def?: Expr } = { type: typeOf(v.args[0]), optional: true };
            if (v.args[1]) entry.def = v.args[1];
            attrs.set(item.key.v, entry);
          } else attrs.set(item.key.v, { type: typeOf(v), optional: false });
        }
      }
      return { k: 'object', attrs };
    }
    default: return ANY;
  }
}

/** Is a `--param` string for this type parsed as an HCL value (lists, maps, objects) rather than taken as text? */
export function isComplex(t: VarType): boolean {
  return t.k !== 'any' && t.k !== 'string' && t.k !== 'number' && t.k !== 'bool';
}

/**
 * `v` converted to `t`: primitives between string, number and bool, optional attributes filled
 * with their defaults (or null). What does not convert is left as it is; unknowns stay unknown.
 */
export function convert(v: Value, t: VarType, s: Scope): Value {
  if (t.k === 'any' || v.k === 'unknown' || v.k === 'ref' || isNull(v)) return v;
  switch (t.k) {
    case 'string':
      return v.k === 'scalar' && typeof v.v !== 'string' ? { ...v, v: scalarText(v.v) } : v;
    case 'number':
      return v.k === 'scalar' && typeof v.v === 'string' && v.v.trim() !== '' && Number.isFinite(Number(v.v)) ? { ...v, v: Number(v.v) } : v;
    case 'bool':
      return v.k === 'scalar' && (v.v === 'true' || v.v === 'false') ? { ...v, v: v.v === 'true' } : v;
    case 'list': case 'set':
      return v.k === 'list' ? { ...v, items: v.items.map((i) => convert(i, t.el, s)) } : v;
    case 'tuple':
      return v.k === 'list' ? { ...v, items: v.items.map((i, n) => (t.els[n] ? convert(i, t.els[n]!, s) : i)) } : v;
    case 'map': {
      if (v.k !== 'object') return v;
      const props = new Map<string, Value>();
      for (const [k, pv] of v.props) props.set(k, convert(pv, t.el, s));
      return { ...v, props };
    }
    case 'object': {
      if (v.k !== 'object') return v;
      const props = new Map(v.props);
      const keyLocs = new Map(v.keyLocs);
      for (const [name, a] of t.attrs) {
        const have = props.get(name);
        if (have === undefined || isNull(have)) {
          if (!a.optional && have === undefined) continue;
          const def = a.def ? evaluate(a.def, s) : scalar(null, v.loc);
          props.set(name, convert(relocated(def, v.loc), a.type, s));
          keyLocs.set(name, v.loc);
          continue;
        }
        props.set(name, convert(have, a.type, s));
      }
      return { ...v, props, keyLocs };
    }
  }
}

/** An optional attribute's default stands where the object it completes is written. */
function relocated(v: Value, loc: Loc): Value {
  return v.k === 'scalar' ? { ...v, loc } : v;
}
