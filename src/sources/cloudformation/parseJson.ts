import type { Loc, SourceError } from '../../model/types.js';
import { type Node, mapNode } from './node.js';
import type { ParseResult } from './parseYaml.js';

/**
 * A strict JSON parser that keeps the location of every value and key and refuses
 * duplicate keys (JSON.parse silently keeps the last one, which hides mistakes).
 */
export function parseJson(text: string, file: string): ParseResult {
  const p = new JsonParser(text, file);
  try {
    p.ws();
    const root = p.value(0);
    p.ws();
    if (p.i < text.length) p.fail('unexpected content after the end of the JSON document');
    return { root, errors: [] };
  } catch (e) {
    if (e instanceof JsonError) return { errors: [e.error] };
    throw e;
  }
}

class JsonError extends Error {
  constructor(readonly error: SourceError) { super(error.message); }
}

class JsonParser {
  i = 0;
  private line = 1;
  private lineStart = 0;
  constructor(private readonly s: string, private readonly file: string) {
    if (s.charCodeAt(0) === 0xfeff) this.i = 1;
  }

  loc(): Loc { return { file: this.file, line: this.line, column: this.i - this.lineStart + 1 }; }

  fail(message: string, at?: Loc): never {
    const l = at ?? this.loc();
    throw new JsonError({ file: this.file, line: l.line, column: l.column, message: `invalid JSON: ${message}` });
  }

  ws(): void {
    const s = this.s;
    for (;;) {
      const c = s.charCodeAt(this.i);
      if (c === 10) { this.i++; this.line++; this.lineStart = this.i; }
      else if (c === 32 || c === 9 || c === 13) this.i++;
      else return;
    }
  }

  value(depth: number): Node {
    if (depth > 200) this.fail('nesting deeper than 200 levels');
    const c = this.s[this.i];
    const loc = this.loc();
    if (c === '{') return this.object(loc, depth);
    if (c === '[') return this.array(loc, depth);
    if (c === '"') return { t: 's', v: this.string(), loc };
    if (c === 't' && this.s.startsWith('true', this.i)) { this.i += 4; return { t: 's', v: true, loc }; }
    if (c === 'f' && this.s.startsWith('false', this.i)) { this.i += 5; return { t: 's', v: false, loc }; }
    if (c === 'n' && this.s.startsWith('null', this.i)) { this.i += 4; return { t: 's', v: null, loc }; }
    if (c === '-' || (c >= '0' && c <= '9')) return { t: 's', v: this.number(), loc };
    if (c === undefined) this.fail('unexpected end of file; is the document truncated?');
    this.fail(`unexpected character ${JSON.stringify(c)}`);
  }

  object(loc: Loc, depth: number): Node {
    this.i++;
    const m = mapNode(loc);
    this.ws();
    if (this.s[this.i] === '}') { this.i++; return m; }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.fail(this.s[this.i] === '}' ? 'trailing comma before }' : 'expected a quoted key');
      const kLoc = this.loc();
      const key = this.string();
      if (m.props.has(key)) {
        const first = m.keyLocs.get(key)!;
        this.fail(`duplicate key "${key}" (first at line ${first.line}, column ${first.column})`, kLoc);
      }
      this.ws();
      if (this.s[this.i] !== ':') this.fail(`expected ':' after key "${key}"`);
      this.i++;
      this.ws();
      m.props.set(key, this.value(depth + 1));
      m.keyLocs.set(key, kLoc);
      this.ws();
      const c = this.s[this.i];
      if (c === ',') { this.i++; continue; }
      if (c === '}') { this.i++; return m; }
      this.fail(c === undefined ? 'unexpected end of file inside an object; missing }?' : `expected ',' or '}' but found ${JSON.stringify(c)}`);
    }
  }

  array(loc: Loc, depth: number): Node {
    this.i++;
    const items: Node[] = [];
    this.ws();
    if (this.s[this.i] === ']') { this.i++; return { t: 'l', items, loc }; }
    for (;;) {
      this.ws();
      if (this.s[this.i] === ']') this.fail('trailing comma before ]');
      items.push(this.value(depth + 1));
      this.ws();
      const c = this.s[this.i];
      if (c === ',') { this.i++; continue; }
      if (c === ']') { this.i++; return { t: 'l', items, loc }; }
      this.fail(c === undefined ? 'unexpected end of file inside an array; missing ]?' : `expected ',' or ']' but found ${JSON.stringify(c)}`);
    }
  }

  string(): string {
    const s = this.s;
    const start = ++this.i;
    // fast path: no escapes
    for (let j = start; j < s.length; j++) {
      const c = s.charCodeAt(j);
      if (c === 34) { this.i = j + 1; return s.slice(start, j); }
      if (c === 92) break;
      if (c < 32) { this.i = j; this.fail(c === 10 ? 'unterminated string (newline inside a string)' : 'control character inside a string'); }
    }
    let out = '';
    let j = start;
    for (;;) {
      if (j >= s.length) { this.i = j; this.fail('unterminated string'); }
      const c = s.charCodeAt(j);
      if (c === 34) { this.i = j + 1; return out; }
      if (c < 32) { this.i = j; this.fail('unterminated string or control character inside a string'); }
      if (c === 92) {
        const e = s[j + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e in simple) { out += simple[e]; j += 2; continue; }
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(j + 2, j + 6))) { out += String.fromCharCode(parseInt(s.slice(j + 2, j + 6), 16)); j += 6; continue; }
        this.i = j; this.fail('invalid escape sequence in string');
      }
      out += s[j++];
    }
  }

  number(): number {
    const m = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    m.lastIndex = this.i;
    const r = m.exec(this.s);
    if (!r) this.fail('invalid number');
    this.i += r[0].length;
    return Number(r[0]);
  }
}
