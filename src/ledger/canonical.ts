/**
 * RFC 8785 JSON Canonicalization Scheme (JCS).
 *
 * Object members are sorted by their names compared as UTF-16 code-unit arrays (what
 * Array.prototype.sort does for strings), strings and numbers are serialised the way
 * ECMAScript's JSON.stringify does (which is what RFC 8785 §3.2.2 prescribes), no
 * whitespace. Values JSON cannot carry (undefined, functions, NaN, Infinity, BigInt) are
 * refused rather than silently dropped, so a record never hashes differently from what
 * was stored.
 */
export function canonicalize(value: unknown): string {
  return write(value, '$');
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${path}: ${value} cannot be represented in JSON`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          out += write(value[i], `${path}[${i}]`);
        }
        return out + ']';
      }
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj);
      if (keys.length > 1) keys.sort();
      let out = '{';
      let first = true;
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i]!;
        const v = obj[k];
        if (v === undefined) continue;
        if (!first) out += ',';
        first = false;
        out += JSON.stringify(k) + ':' + (typeof v === 'string' ? JSON.stringify(v) : write(v, path + '.' + k));
      }
      return out + '}';
    }
    default:
      throw new TypeError(`${path}: a ${typeof value} cannot be represented in JSON`);
  }
}
