// Located parse nodes (from the JSON and YAML parsers CloudFormation uses) as model values,
// for the readers of state formats, whose documents are data rather than templates.
import type { Loc, ObjectValue, Scalar, Value } from '../../model/types.js';
import type { MapNode, Node } from '../cloudformation/node.js';

/** A node as a value, every value and key keeping where it is written. */
export function nodeValue(n: Node): Value {
  if (n.t === 's') return { k: 'scalar', v: n.v, loc: n.loc };
  if (n.t === 'l') return { k: 'list', items: n.items.map(nodeValue), loc: n.loc };
  return mapValue(n);
}

export function mapValue(n: MapNode): ObjectValue {
  const props = new Map<string, Value>();
  for (const [k, v] of n.props) props.set(k, nodeValue(v));
  return { k: 'object', props, keyLocs: new Map(n.keyLocs), loc: n.loc };
}

export function emptyObject(loc: Loc): ObjectValue {
  return { k: 'object', props: new Map(), keyLocs: new Map(), loc };
}

/** The member `key` of a map node, when `n` is one. */
export function member(n: Node | undefined, key: string): Node | undefined {
  return n?.t === 'm' ? n.props.get(key) : undefined;
}

/** The string at `key` of a map node, when it is one. */
export function text(n: Node | undefined, key: string): string | undefined {
  const v = member(n, key);
  return v?.t === 's' && typeof v.v === 'string' ? v.v : undefined;
}

export function isMap(n: Node | undefined): n is MapNode {
  return n?.t === 'm';
}

/** Where `key` of a map node is written, else the node itself. */
export function keyAt(n: MapNode, key: string): Loc {
  return n.keyLocs.get(key) ?? n.loc;
}

/** Every scalar in `v` marked sensitive, so reports show `****` in place of the value. */
export function markSensitive(v: Value): Value {
  switch (v.k) {
    case 'scalar': return { ...v, sensitive: true, ...(v.json ? { json: markSensitive(v.json) } : {}) };
    case 'unknown': return v.json ? { ...v, json: markSensitive(v.json) } : v;
    case 'list': return { ...v, items: v.items.map(markSensitive) };
    case 'object': {
      const props = new Map<string, Value>();
      for (const [k, x] of v.props) props.set(k, markSensitive(x));
      return { ...v, props };
    }
    default: return v;
  }
}

/** A plain JSON value as a value located entirely at `loc` (JSON held inside a string). */
export function plainValue(x: unknown, loc: Loc): Value {
  if (Array.isArray(x)) return { k: 'list', items: x.map((i) => plainValue(i, loc)), loc };
  if (x !== null && typeof x === 'object') {
    const props = new Map<string, Value>();
    const keyLocs = new Map<string, Loc>();
    for (const [k, v] of Object.entries(x)) { props.set(k, plainValue(v, loc)); keyLocs.set(k, loc); }
    return { k: 'object', props, keyLocs, loc };
  }
  return { k: 'scalar', v: (x ?? null) as Scalar, loc };
}
