import type { Report } from './model.js';
import { joinChunks } from './chunks.js';

type Replacer = (this: unknown, key: string, value: unknown) => unknown;

/**
 * The versioned JSON report (schema/report.schema.json): two-space indentation, keys in the
 * order the report model builds them, `undefined` members dropped, a final newline. The
 * same report always renders to the same bytes.
 */
export function* renderJsonChunks(report: Report): Generator<string, void, undefined> {
  yield* jsonChunks(report, jsonReplacer);
  yield '\n';
}

export const renderJson = (report: Report): string => joinChunks(renderJsonChunks(report));

/** How the JSON report writes the odd non-JSON value a fact may hold. */
export function jsonReplacer(_key: string, value: unknown): unknown {
  // Facts are plain JSON by contract; be safe with the odd Map/Set or non-finite number.
  if (value instanceof Map) return Object.fromEntries(value);
  if (value instanceof Set) return [...value];
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return value.toString();
  return value;
}

interface Frame {
  holder: object;
  array: boolean;
  keys: string[] | undefined;
  length: number;
  next: number;
  /** Indentation of the container's closing bracket. */
  indent: string;
  /** Whether a member was written (an empty container is written `{}` / `[]`). */
  opened: boolean;
}

const GAP = '  ';
/** Cost of a subtree written in one piece: about a node per unit, strings by length. */
const SMALL = 2048;

const OVER = 0;
/** Within budget and plain JSON: the replacer would return every value unchanged. */
const PLAIN = 1;
/** Within budget, with a value the replacer may change (a Map or Set, a number that is not finite, a bigint, a toJSON method). */
const REPLACED = 2;

/**
 * Whether `v` costs at most `budget` (nodes, plus string characters / 256), counted without
 * recursion limits (OVER when not), and whether the walk met a value the report's replacer changes.
 */
function smallCost(v: object, budget: number): typeof OVER | typeof PLAIN | typeof REPLACED {
  const todo: unknown[] = [v];
  let plain = true;
  while (todo.length) {
    const x = todo.pop();
    if (--budget < 0) return OVER;
    if (typeof x === 'string') budget -= x.length >> 8;
    else if (typeof x === 'number') { if (!Number.isFinite(x)) plain = false; }
    else if (typeof x === 'bigint') plain = false;
    else if (typeof x === 'object' && x !== null) {
      if (typeof (x as { toJSON?: unknown }).toJSON === 'function') plain = false;
      if (Array.isArray(x)) { for (let i = 0; i < x.length; i++) todo.push(x[i]); }
      else if (x instanceof Map || x instanceof Set) { plain = false; for (const y of x.values()) { todo.push(y); if (todo.length > budget) return OVER; } }
      else for (const k in x) if (Object.hasOwn(x, k)) todo.push((x as Record<string, unknown>)[k]);
      if (todo.length > budget) return OVER;
    }
  }
  return plain ? PLAIN : REPLACED;
}

/**
 * `JSON.stringify(value, replacer, 2)`, byte for byte, produced in chunks of about
 * `chunkSize` characters: the walk keeps an explicit stack of open containers instead of
 * recursing, and hands out what it has written whenever the buffer is full.
 */
export function* jsonChunks(value: unknown, replacer?: Replacer, chunkSize = 64 * 1024): Generator<string, void, undefined> {
  const open = new Set<object>();
  const stack: Frame[] = [];

  // JSON.stringify's SerializeJSONProperty: toJSON, the replacer, unwrapping boxed
  // primitives; a primitive comes back as its text, a container as a new frame.
  const property = (holder: object, key: string, indent: string): string | Frame | undefined => {
    let v = (holder as Record<string, unknown>)[key];
    if ((typeof v === 'object' && v !== null) || typeof v === 'bigint') {
      const toJSON = (v as { toJSON?: unknown }).toJSON;
      if (typeof toJSON === 'function') v = toJSON.call(v, key);
    }
    if (replacer) v = replacer.call(holder, key, v);
    if (v instanceof Number) v = Number(v);
    else if (v instanceof String) v = String(v);
    else if (v instanceof Boolean) v = v.valueOf();
    switch (typeof v) {
      case 'string': return JSON.stringify(v);
      case 'number': return Number.isFinite(v) ? String(v) : 'null';
      case 'boolean': return String(v);
      case 'bigint': throw new TypeError('Do not know how to serialize a BigInt');
      case 'object': {
        if (v === null) return 'null';
        if (typeof (v as { toJSON?: unknown }).toJSON !== 'function' && !open.has(v)) {
          const cost = smallCost(v, SMALL);
          // Only the report's own replacer is known to leave plain JSON unchanged.
          if (cost !== OVER) return whole(v, indent, cost === PLAIN && replacer === jsonReplacer);
        }
        if (open.has(v)) throw new TypeError('Converting circular structure to JSON');
        open.add(v);
        const array = Array.isArray(v);
        const keys = array ? undefined : Object.keys(v);
        return { holder: v, array, keys, length: array ? (v as unknown[]).length : keys!.length, next: 0, indent, opened: false };
      }
      default: return undefined;
    }
  };

  // A small subtree (most of a report: one finding, one fact) is written by the engine's
  // own serializer, several times faster than this walk. Nested in as many arrays as it is
  // deep, it comes out already indented for its place; the wrappers' text is sliced off and
  // the replacer is not called again on them nor on the subtree itself (done above).
  // A subtree the replacer would leave unchanged is written without calling it for every value.
  const whole = (v: object, indent: string, plain: boolean): string => {
    const depth = indent.length / GAP.length;
    let wrapped: unknown = v;
    for (let i = 0; i < depth; i++) wrapped = [wrapped];
    let skip = depth + 1;
    const text = JSON.stringify(wrapped, replacer && !plain ? function (this: unknown, k: string, x: unknown) {
      if (skip > 0) { skip--; return x; }
      return replacer.call(this, k, x);
    } : undefined, GAP.length);
    // Each wrapper adds "[\n" plus the next indentation before, "\n" plus its own and "]" after.
    return text.slice(2 * depth + depth * (depth + 1), text.length - (2 * depth + depth * (depth - 1)));
  };

  const root = property({ '': value }, '', '');
  if (root === undefined) return;
  if (typeof root === 'string') { yield root; return; }
  stack.push(root);
  let buf = '';
  while (stack.length) {
    const f = stack[stack.length - 1]!;
    if (f.next === f.length) {
      stack.pop();
      open.delete(f.holder);
      buf += f.opened ? `\n${f.indent}${f.array ? ']' : '}'}` : f.array ? '[]' : '{}';
      continue;
    }
    const key = f.array ? String(f.next) : f.keys![f.next]!;
    f.next++;
    const inner = f.indent + GAP;
    const v = property(f.holder, key, inner);
    if (v === undefined && !f.array) continue;
    buf += f.opened ? `,\n${inner}` : `${f.array ? '[' : '{'}\n${inner}`;
    f.opened = true;
    if (!f.array) buf += `${JSON.stringify(key)}: `;
    if (v === undefined) buf += 'null';
    else if (typeof v === 'string') buf += v;
    else stack.push(v);
    if (buf.length >= chunkSize) { yield buf; buf = ''; }
  }
  if (buf) yield buf;
}
