/**
 * RFC 8785 JSON Canonicalization Scheme (JCS).
 *
 * Object members are sorted by their names compared as UTF-16 code-unit arrays (what
 * Array.prototype.sort does for strings), strings and numbers are serialised the way
 * ECMAScript's JSON.stringify does (which is what RFC 8785 §3.2.2 prescribes), no
 * whitespace. Values JSON cannot carry (undefined in an array, functions, NaN, Infinity,
 * BigInt, symbols) are refused rather than silently dropped, so a record never hashes
 * differently from what was stored; an object member whose value is undefined is omitted,
 * as JSON.stringify does.
 *
 * Every record is canonicalised on append, so the common path builds no error paths: only
 * when a value is refused is the document walked again to name where.
 */
export function canonicalize(value: unknown): string {
  try {
    return write(value);
  } catch (e) {
    if (e instanceof Unrepresentable) throw new TypeError(`${pathOf(value, '$') ?? '$'}: ${e.message}`);
    throw e;
  }
}

class Unrepresentable extends Error {}

function refuse(value: unknown): never {
  throw new Unrepresentable(typeof value === 'number' ? `${value} cannot be represented in JSON` : `a ${typeof value} cannot be represented in JSON`);
}

function write(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) refuse(value);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          out += write(value[i]);
        }
        return out + ']';
      }
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj);
      if (keys.length > 1) keys.sort();
      let out = '{';
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i]!;
        const v = obj[k];
        if (v === undefined) continue;
        if (out.length > 1) out += ',';
        out += JSON.stringify(k) + ':' + (typeof v === 'string' ? JSON.stringify(v) : write(v));
      }
      return out + '}';
    }
    default:
      refuse(value);
  }
}

/** The path of the first value that cannot be represented (only walked after a refusal). */
function pathOf(value: unknown, path: string): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path;
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return undefined;
  if (typeof value !== 'object') return path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = pathOf(value[i], `${path}[${i}]`);
      if (p) return p;
    }
    return undefined;
  }
  const obj = value as Record<string, unknown>;
  for (const k of Object.keys(obj).sort()) {
    if (obj[k] === undefined) continue;
    const p = pathOf(obj[k], `${path}.${k}`);
    if (p) return p;
  }
  return undefined;
}

/**
 * A record body canonicalised ahead of its seq and ts, which are only known under the
 * append lock. Every other top-level member sorts either before "seq" (action, actor,
 * metadata, outcome, pii, reporter, request_id) or between "seq" and "ts" (target, tenant,
 * ticket_id), so the canonical text is `{before,"seq":N,after,"ts":"…"}`: the expensive part
 * is done outside the lock and `withSeqAndTs` only concatenates.
 */
export interface PendingBody {
  before: string;
  after: string;
}

export function pendingBody(body: Record<string, unknown>): PendingBody {
  const low: Record<string, unknown> = {};
  const high: Record<string, unknown> = {};
  for (const k of Object.keys(body)) {
    if (k === 'seq' || k === 'ts') throw new TypeError(`$.${k}: assigned by the ledger`);
    if (k < 'seq') low[k] = body[k];
    else if (k < 'ts') high[k] = body[k];
    else throw new TypeError(`$.${k}: a member that sorts after "ts" cannot be part of a record`);
  }
  const before = canonicalize(low);
  const after = canonicalize(high);
  return { before: before.slice(1, -1), after: after.slice(1, -1) };
}

/** ts must be the ledger's fixed time format (no character that JSON escapes). */
export function withSeqAndTs(p: PendingBody, seq: number, ts: string): string {
  return `{${p.before}${p.before ? ',' : ''}"seq":${seq}${p.after ? ',' + p.after : ''},"ts":"${ts}"}`;
}
