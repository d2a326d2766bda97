import type { Loc, ObjectValue, Value } from './types.js';

/** Short, single-line rendering of a value for evidence and messages. */
export function render(v: Value | undefined, max = 120): string {
  const s = renderFull(v, 0);
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

function renderFull(v: Value | undefined, depth: number): string {
  if (!v) return '(not set)';
  switch (v.k) {
    case 'scalar':
      // A Terraform variable's value (`via` names the variable) is sensitive, not a NoEcho parameter.
      if (v.sensitive) return v.via && /^(default of |allowed value of )?parameter /.test(v.via) ? '"****" (NoEcho parameter, value withheld)' : '"****" (sensitive, value withheld)';
      return typeof v.v === 'string' ? JSON.stringify(v.v) : String(v.v);
    case 'ref':
      // A CloudFormation logical id is alphanumeric; an id with a dot is a Terraform or
      // Pulumi address, whose references read `aws_kms_key.k.arn` where they are written.
      if (v.resource.includes('.')) return v.attr ? `${v.resource}.${v.attr}` : v.resource;
      return v.attr ? `!GetAtt ${v.resource}.${v.attr}` : `!Ref ${v.resource}`;
    case 'unknown':
      return `<${v.reason}>`;
    case 'absent':
      return '(AWS::NoValue)';
    case 'list':
      if (depth > 2) return '[…]';
      return '[' + v.items.map((i) => renderFull(i, depth + 1)).join(', ') + ']';
    case 'object': {
      if (depth > 2) return '{…}';
      const parts: string[] = [];
      for (const [k, pv] of v.props) parts.push(`${k}: ${renderFull(pv, depth + 1)}`);
      return '{' + parts.join(', ') + '}';
    }
  }
}

/** Property of an object value, or undefined. */
export function prop(v: Value | undefined, key: string): Value | undefined {
  return v && v.k === 'object' ? v.props.get(key) : undefined;
}

/** Where the attribute `key` of object `v` is written: its key when present, else the object. */
export function keyLoc(v: ObjectValue, key: string): Loc {
  return v.keyLocs.get(key) ?? v.loc;
}

/** Walk a dotted path through objects. Lists are not traversed (use `each`). */
export function getPath(v: Value | undefined, path: string): Value | undefined {
  if (path === '') return v;
  let cur = v;
  for (const part of path.split('.')) {
    if (!cur || cur.k !== 'object') return undefined;
    cur = cur.props.get(part);
  }
  return cur;
}

/**
 * The value at `path` below `base`, seeing through values known only at deploy time on the
 * way (a configuration object from a parameter, a Terraform block not known before apply):
 * an unknown with alternatives has each followed along the rest of the path (one without it
 * standing as absent), and one without alternatives is the answer, so a setting below it is
 * unknown rather than missing.
 */
export function valueThrough(base: Value | undefined, path: string): Value | undefined {
  if (path === '') return base;
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

export function isConcrete(v: Value | undefined): boolean {
  return !!v && v.k !== 'unknown' && v.k !== 'absent';
}

/** CloudFormation accepts booleans as `true` or the strings "true"/"false" in any case. */
export function asBool(v: Value | undefined): boolean | undefined {
  if (!v || v.k !== 'scalar') return undefined;
  if (typeof v.v === 'boolean') return v.v;
  if (typeof v.v === 'string') {
    const s = v.v.toLowerCase();
    if (s === 'true') return true;
    if (s === 'false') return false;
  }
  return undefined;
}

export function asString(v: Value | undefined): string | undefined {
  if (!v || v.k !== 'scalar' || v.v === null) return undefined;
  return String(v.v);
}

export function asNumber(v: Value | undefined): number | undefined {
  if (!v || v.k !== 'scalar' || v.v === null || typeof v.v === 'boolean') return undefined;
  const n = Number(v.v);
  return Number.isFinite(n) && String(v.v).trim() !== '' ? n : undefined;
}

/** Items of a list value; a single non-list value counts as a one-item list (IAM accepts both). */
export function asList(v: Value | undefined): Value[] | undefined {
  if (!v) return undefined;
  if (v.k === 'list') return v.items;
  if (v.k === 'scalar' || v.k === 'object' || v.k === 'ref') return [v];
  return undefined;
}

/** Strings of a list (or single string); undefined if any element is not a concrete string. */
export function asStrings(v: Value | undefined): string[] | undefined {
  const l = asList(v);
  if (!l) return undefined;
  const out: string[] = [];
  for (const i of l) {
    const s = asString(i);
    if (s === undefined) return undefined;
    out.push(s);
  }
  return out;
}

/** Every location-bearing leaf (used to find parameters an unknown mentions). */
export function unknownParams(v: Value | undefined): string[] {
  const out = new Set<string>();
  const walk = (x: Value | undefined) => {
    if (!x) return;
    if (x.k === 'unknown') x.params.forEach((p) => out.add(p));
    else if (x.k === 'list') x.items.forEach(walk);
    else if (x.k === 'object') x.props.forEach(walk);
  };
  walk(v);
  return [...out];
}

/** Convert a resolved value to plain JSON (placeholders for what is not concrete). */
export function toPlain(v: Value | undefined): unknown {
  if (!v) return undefined;
  switch (v.k) {
    // A sensitive value (a NoEcho parameter, a Terraform sensitive attribute, a Pulumi secret) is never shown.
    case 'scalar': return v.sensitive ? '****' : v.v;
    case 'ref': return v.attr ? `\${${v.resource}.${v.attr}}` : `\${${v.resource}}`;
    case 'unknown': return `<unknown: ${v.reason}>`;
    case 'absent': return undefined;
    case 'list': return v.items.map(toPlain);
    // fromEntries defines own properties, so a key such as `__proto__` stays a key.
    case 'object': return Object.fromEntries([...v.props].map(([k, pv]) => [k, toPlain(pv)]));
  }
}
