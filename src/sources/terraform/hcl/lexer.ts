// Tokens of HCL native syntax. Templates (quoted strings, heredocs) nest expressions that
// nest templates again, so the lexer keeps a stack of modes instead of the parser asking
// for a mode per token: the parser then sees one flat token array and may look ahead freely.

export type TokType =
  | 'ident' | 'number' | 'nl' | 'eof'
  /** `"` opening and closing a quoted template. */
  | 'oquote' | 'cquote'
  /** `<<EOF` / `<<-EOF` (v = delimiter, indent = `-` form) and the closing delimiter line. */
  | 'oheredoc' | 'cheredoc'
  /** Literal text inside a template, escapes already decoded. */
  | 'lit'
  /** `${` and `%{` opening an interpolation or directive, and the `}` closing it. */
  | 'interp' | 'control' | 'seqend'
  | '{' | '}' | '[' | ']' | '(' | ')' | ',' | '.' | '...' | '=' | '=>' | '?' | ':'
  | '+' | '-' | '*' | '/' | '%' | '!' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '&&' | '||';

/** Flags of a token. */
export const STRIP = 1; // `${~`, `%{~` (strip before) or `~}` (strip after)
export const INDENT = 2; // `<<-`: an indented heredoc
export const LINE_START = 4; // a heredoc literal starting a line (indentation is stripped from those)

/**
 * The tokens of a file as parallel arrays (index i is one token): a file has tens of
 * thousands of tokens, and one object each made parsing mostly garbage collection. The
 * numeric columns are typed arrays, doubled when full: growing seven plain arrays one push at
 * a time allocated thirty times the source's size. The parser copies what it keeps, so one
 * set of arrays serves file after file (see `release`).
 */
export class Tokens {
  readonly t: TokType[] = [];
  /** Identifier, number text, decoded literal text, heredoc delimiter ('' otherwise). */
  readonly v: string[] = [];
  line: Int32Array;
  col: Int32Array;
  /** Offsets into the source, for the text of an expression. */
  pos: Int32Array;
  end: Int32Array;
  flags: Uint8Array;
  length = 0;

  constructor(capacity: number) {
    this.line = new Int32Array(capacity);
    this.col = new Int32Array(capacity);
    this.pos = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
  }

  push(t: TokType, v: string, line: number, col: number, pos: number, end: number, flags: number): void {
    const i = this.length;
    if (i === this.line.length) this.grow();
    this.t.push(t); this.v.push(v); this.line[i] = line; this.col[i] = col; this.pos[i] = pos; this.end[i] = end; this.flags[i] = flags;
    this.length = i + 1;
  }

  /** Empty, keeping the capacity. */
  clear(): void {
    this.t.length = 0;
    this.v.length = 0;
    this.length = 0;
  }

  private grow(): void {
    const n = this.line.length * 2 + 16;
    const wider = <A extends Int32Array | Uint8Array>(a: A, b: A): A => { b.set(a); return b; };
    this.line = wider(this.line, new Int32Array(n));
    this.col = wider(this.col, new Int32Array(n));
    this.pos = wider(this.pos, new Int32Array(n));
    this.end = wider(this.end, new Int32Array(n));
    this.flags = wider(this.flags, new Uint8Array(n));
  }
}

export interface Comment {
  /** Text after the marker (`#`, `//`) or between `/*` and `*\/`. */
  text: string;
  line: number;
  col: number;
}

export interface LexError {
  line: number;
  col: number;
  message: string;
}

export interface Lexed {
  tokens: Tokens;
  comments: Comment[];
  errors: LexError[];
}

type Mode =
  | { m: 'n'; depth: number; interp: boolean }
  | { m: 'q' }
  | { m: 'h'; delim: string; indent: boolean; atLineStart: boolean };

const PUNCT1 = new Set(['[', ']', '(', ')', ',', '.', '=', '?', ':', '+', '-', '*', '/', '%', '!', '<', '>']);

const isDigit = (c: number) => c >= 48 && c <= 57;
const isIdStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c > 127;
const isIdPart = (c: number) => isIdStart(c) || isDigit(c) || c === 45;

/** `template`: the whole text is a template (a `templatefile()` file), as a heredoc's body is. */
export function lex(src: string, opts: { template?: boolean } = {}): Lexed {
  let tokens = spare;
  spare = undefined;
  if (tokens) tokens.clear();
  else tokens = new Tokens((src.length >> 2) + 16);
  return new Lexer(src, !!opts.template, tokens).run();
}

/** Tokens no longer read: the next `lex` reuses their arrays instead of allocating new ones. */
export function release(tokens: Tokens): void {
  spare = tokens;
}

let spare: Tokens | undefined;

/**
 * The lexer as small methods over shared state: one large closure took V8 longer to
 * optimize than the corpus took to lex.
 */
class Lexer {
  private readonly comments: Comment[] = [];
  private readonly errors: LexError[] = [];
  private readonly n: number;
  private i: number;
  private line = 1;
  private lineStart = 0;
  private readonly modes: Mode[] = [{ m: 'n', depth: 0, interp: false }];

  constructor(private readonly src: string, private readonly template: boolean, private readonly tokens: Tokens) {
    this.n = src.length;
    this.i = src.charCodeAt(0) === 0xfeff ? 1 : 0;
    // NUL never ends a line of text, so the template runs to the end of the file.
    if (template) this.modes.push({ m: 'h', delim: '\u0000', indent: false, atLineStart: true });
  }

  run(): Lexed {
    const modes = this.modes;
    while (this.i < this.n) {
      const mode = modes[modes.length - 1]!;
      if (mode.m === 'n') this.normal(mode);
      else if (mode.m === 'q') this.quoted();
      else this.heredoc(mode);
    }
    if (modes.length > (this.template ? 2 : 1)) {
      const open = modes[modes.length - 1]!;
      if (open.m === 'h') this.errors.push({ line: this.line, col: this.col(this.i), message: `heredoc is never closed: no line with ${open.delim} alone` });
      else if (open.m === 'n' && open.interp) this.errors.push({ line: this.line, col: this.col(this.i), message: 'template interpolation ${…} is never closed with }' });
    }
    this.push('eof', '', this.n, this.n);
    return { tokens: this.tokens, comments: this.comments, errors: this.errors };
  }

  private col(at: number): number {
    return at - this.lineStart + 1;
  }

  private push(t: TokType, v: string, pos: number, end: number, flags = 0): void {
    this.tokens.push(t, v, this.line, pos - this.lineStart + 1, pos, end, flags);
  }

  private err(at: number, message: string): void {
    this.errors.push({ line: this.line, col: this.col(at), message });
  }

  private newline(): void {
    this.line++;
    this.lineStart = this.i;
  }

  /** Tokens outside templates until the mode changes (a string or heredoc opens, an interpolation closes). */
  private normal(mode: Mode & { m: 'n' }): void {
    const src = this.src;
    const n = this.n;
    while (this.i < n) {
      let i = this.i;
      const c = src.charCodeAt(i);
      if (c === 32 || c === 9 || c === 13) {
        i++;
        while (i < n) { const d = src.charCodeAt(i); if (d !== 32 && d !== 9 && d !== 13) break; i++; }
        this.i = i;
        continue;
      }
      if (c === 10) { this.push('nl', '', i, i + 1); this.i = i + 1; this.newline(); continue; }
      if (isIdStart(c)) {
        const start = i;
        i++;
        while (i < n && isIdPart(src.charCodeAt(i))) i++;
        this.push('ident', src.slice(start, i), start, i);
        this.i = i;
        continue;
      }
      if (isDigit(c)) { this.number(); continue; }
      const d = src.charCodeAt(i + 1);
      switch (c) {
        case 35: this.lineComment(1); continue; // #
        case 47: // /
          if (d === 47) { this.lineComment(2); continue; }
          if (d === 42) { this.blockComment(); continue; }
          break;
        case 34: this.push('oquote', '"', i, i + 1); this.i = i + 1; this.modes.push({ m: 'q' }); return;
        case 60: // <
          if (d === 60 && this.heredocOpen()) return;
          if (d === 61) { this.punct('<=', 2); continue; }
          break;
        case 123: this.push('{', '{', i, i + 1); this.i = i + 1; mode.depth++; continue;
        case 125: if (this.closeBrace(mode, false)) return; continue;
        case 126: if (d === 125) { if (this.closeBrace(mode, true)) return; continue; } break;
        case 46: // .
          if (d === 46 && src.charCodeAt(i + 2) === 46) { this.punct('...', 3); continue; }
          break;
        case 61: if (d === 62 || d === 61) { this.punct(d === 62 ? '=>' : '==', 2); continue; } break; // =
        case 33: if (d === 61) { this.punct('!=', 2); continue; } break; // !
        case 62: if (d === 61) { this.punct('>=', 2); continue; } break; // >
        case 38: if (d === 38) { this.punct('&&', 2); continue; } break; // &
        case 124: if (d === 124) { this.punct('||', 2); continue; } break; // |
      }
      const one = src[i]!;
      if (PUNCT1.has(one)) { this.punct(one as TokType, 1); continue; }
      this.err(i, `unexpected character ${JSON.stringify(one)}`);
      this.i = i + 1;
    }
  }

  private punct(t: TokType, len: number): void {
    this.push(t, t, this.i, this.i + len);
    this.i += len;
  }

  private lineComment(skip: number): void {
    const start = this.i;
    let e = this.src.indexOf('\n', start);
    if (e < 0) e = this.n;
    this.comments.push({ text: this.src.slice(start + skip, e).replace(/\r$/, ''), line: this.line, col: this.col(start) });
    this.i = e;
  }

  private blockComment(): void {
    const start = this.i;
    const sl = this.line, sc = this.col(start);
    const e = this.src.indexOf('*/', start + 2);
    const stop = e < 0 ? this.n : e + 2;
    if (e < 0) this.err(start, 'comment opened with /* is never closed with */');
    this.comments.push({ text: this.src.slice(start + 2, e < 0 ? this.n : e), line: sl, col: sc });
    for (let k = start; k < stop; k++) if (this.src.charCodeAt(k) === 10) { this.line++; this.lineStart = k + 1; }
    this.i = stop;
  }

  /** `}` or `~}`; true when it closed an interpolation (the mode changed). */
  private closeBrace(mode: Mode & { m: 'n' }, strip: boolean): boolean {
    const i = this.i;
    const len = strip ? 2 : 1;
    if (!strip && mode.depth > 0) { this.push('}', '}', i, i + 1); this.i = i + 1; mode.depth--; return false; }
    if (mode.interp && mode.depth === 0) {
      this.push('seqend', '}', i, i + len, strip ? STRIP : 0);
      this.i = i + len;
      this.modes.pop();
      return true;
    }
    if (strip) { this.err(i, '~} closes nothing here'); this.i = i + 2; return false; }
    this.push('}', '}', i, i + 1);
    this.i = i + 1;
    return false;
  }

  private number(): void {
    const src = this.src, n = this.n;
    const start = this.i;
    let i = start;
    while (i < n && isDigit(src.charCodeAt(i))) i++;
    // After `.` only an integer: `a.0.1` is two legacy index steps, not the number 0.1.
    const afterDot = this.tokens.length > 0 && this.tokens.t[this.tokens.length - 1] === '.';
    if (!afterDot) {
      if (src.charCodeAt(i) === 46 && isDigit(src.charCodeAt(i + 1))) {
        i++;
        while (i < n && isDigit(src.charCodeAt(i))) i++;
      }
      const e = src.charCodeAt(i);
      if (e === 101 || e === 69) {
        let k = i + 1;
        const sign = src.charCodeAt(k);
        if (sign === 43 || sign === 45) k++;
        if (isDigit(src.charCodeAt(k))) {
          i = k;
          while (i < n && isDigit(src.charCodeAt(i))) i++;
        }
      }
    }
    this.push('number', src.slice(start, i), start, i);
    this.i = i;
  }

  private heredocOpen(): boolean {
    const i = this.i;
    const m = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(this.src.slice(i, i + 200));
    if (!m) return false;
    this.push('oheredoc', m[2]!, i, i + m[0].length - 1, m[1] ? INDENT : 0);
    this.i = i + m[0].length;
    this.newline();
    this.modes.push({ m: 'h', delim: m[2]!, indent: !!m[1], atLineStart: true });
    return true;
  }

  /** Opening `${` / `%{` at `i` inside a template. */
  private templateOpen(): void {
    const i = this.i;
    const c = this.src.charCodeAt(i);
    const strip = this.src.charCodeAt(i + 2) === 126;
    const len = strip ? 3 : 2;
    this.push(c === 36 ? 'interp' : 'control', this.src.slice(i, i + len), i, i + len, strip ? STRIP : 0);
    this.i = i + len;
    this.modes.push({ m: 'n', depth: 0, interp: true });
  }

  private quoted(): void {
    const src = this.src, n = this.n;
    const start = this.i;
    const sl = this.line, sc = this.col(start);
    let text = '';
    let i = start;
    let from = i;
    const flush = () => {
      text += src.slice(from, i);
      if (text) this.tokens.push('lit', text, sl, sc, start, i, 0);
    };
    while (i < n) {
      const c = src.charCodeAt(i);
      if (c === 34) {
        flush();
        this.push('cquote', '"', i, i + 1);
        this.i = i + 1;
        this.modes.pop();
        return;
      }
      if (c === 10) break;
      if (c === 92) {
        text += src.slice(from, i);
        const e = escape(src, i);
        if (e === undefined) { this.err(i, `unknown escape sequence ${JSON.stringify(src.slice(i, i + 2))} in a string`); text += src[i + 1] ?? ''; i += 2; }
        else { text += e.text; i += e.len; }
        from = i;
        continue;
      }
      if ((c === 36 || c === 37) && src.charCodeAt(i + 1) === c && src.charCodeAt(i + 2) === 123) {
        // `$${` and `%%{` are the literal `${` and `%{`.
        text += src.slice(from, i) + src[i] + '{';
        i += 3;
        from = i;
        continue;
      }
      if ((c === 36 || c === 37) && src.charCodeAt(i + 1) === 123) {
        flush();
        this.i = i;
        this.templateOpen();
        return;
      }
      i++;
    }
    flush();
    this.i = i;
    this.err(i, 'string is not closed with " before the end of the line');
    this.push('cquote', '"', i, i);
    this.modes.pop();
  }

  private heredoc(mode: Mode & { m: 'h' }): void {
    const src = this.src, n = this.n;
    let i = this.i;
    if (mode.atLineStart) {
      let e = src.indexOf('\n', i);
      if (e < 0) e = n;
      const lineText = src.slice(i, e);
      if (lineText.replace(/\r$/, '').trim() === mode.delim) {
        const at = i + lineText.indexOf(mode.delim);
        this.push('cheredoc', mode.delim, at, at + mode.delim.length);
        this.i = at + mode.delim.length;
        this.modes.pop();
        return;
      }
    }
    const start = i;
    const sl = this.line, sc = this.col(i);
    const flags = mode.atLineStart ? LINE_START : 0;
    let text = '';
    let from = i;
    mode.atLineStart = false;
    while (i < n) {
      const c = src.charCodeAt(i);
      if (c === 10) {
        i++;
        text += src.slice(from, i);
        this.tokens.push('lit', text, sl, sc, start, i, flags);
        this.i = i;
        this.newline();
        mode.atLineStart = true;
        return;
      }
      if ((c === 36 || c === 37) && src.charCodeAt(i + 1) === c && src.charCodeAt(i + 2) === 123) {
        text += src.slice(from, i) + src[i] + '{';
        i += 3;
        from = i;
        continue;
      }
      if ((c === 36 || c === 37) && src.charCodeAt(i + 1) === 123) {
        text += src.slice(from, i);
        if (text) this.tokens.push('lit', text, sl, sc, start, i, flags);
        this.i = i;
        this.templateOpen();
        return;
      }
      i++;
    }
    text += src.slice(from, i);
    if (text) this.tokens.push('lit', text, sl, sc, start, i, flags);
    this.i = i;
  }
}

function escape(src: string, i: number): { text: string; len: number } | undefined {
  const e = src[i + 1];
  switch (e) {
    case 'n': return { text: '\n', len: 2 };
    case 'r': return { text: '\r', len: 2 };
    case 't': return { text: '\t', len: 2 };
    case '"': return { text: '"', len: 2 };
    case '\\': return { text: '\\', len: 2 };
    case 'u': case 'U': {
      const digits = e === 'u' ? 4 : 8;
      const hex = src.slice(i + 2, i + 2 + digits);
      if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff) return undefined;
      return { text: String.fromCodePoint(cp), len: 2 + digits };
    }
    default: return undefined;
  }
}
