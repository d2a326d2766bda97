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
 * thousands of tokens, and one object each made parsing mostly garbage collection.
 */
export class Tokens {
  readonly t: TokType[] = [];
  /** Identifier, number text, decoded literal text, heredoc delimiter ('' otherwise). */
  readonly v: string[] = [];
  readonly line: number[] = [];
  readonly col: number[] = [];
  /** Offsets into the source, for the text of an expression. */
  readonly pos: number[] = [];
  readonly end: number[] = [];
  readonly flags: number[] = [];

  get length(): number { return this.t.length; }

  push(t: TokType, v: string, line: number, col: number, pos: number, end: number, flags: number): void {
    this.t.push(t); this.v.push(v); this.line.push(line); this.col.push(col); this.pos.push(pos); this.end.push(end); this.flags.push(flags);
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
  const tokens = new Tokens();
  const comments: Comment[] = [];
  const errors: LexError[] = [];
  const n = src.length;
  let i = src.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = 0;
  const modes: Mode[] = [{ m: 'n', depth: 0, interp: false }];
  // NUL never ends a line of text, so the template runs to the end of the file.
  if (opts.template) modes.push({ m: 'h', delim: '\u0000', indent: false, atLineStart: true });

  const col = (at: number) => at - lineStart + 1;
  const pushAt = (t: TokType, v: string, pos: number, end: number, l: number, c: number, flags = 0) => tokens.push(t, v, l, c, pos, end, flags);
  const push = (t: TokType, v: string, pos: number, end: number, flags = 0) => tokens.push(t, v, line, col(pos), pos, end, flags);
  const err = (at: number, message: string) => errors.push({ line, col: col(at), message });
  const newline = () => { line++; lineStart = i; };

  while (i < n) {
    const mode = modes[modes.length - 1]!;
    if (mode.m === 'q') { quoted(); continue; }
    if (mode.m === 'h') { heredoc(mode); continue; }
    const c = src.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13) {
      i++;
      while (i < n) { const d = src.charCodeAt(i); if (d !== 32 && d !== 9 && d !== 13) break; i++; }
      continue;
    }
    if (c === 10) { push('nl', '', i, i + 1); i++; newline(); continue; }
    if (isIdStart(c)) {
      const start = i;
      i++;
      while (i < n && isIdPart(src.charCodeAt(i))) i++;
      push('ident', src.slice(start, i), start, i);
      continue;
    }
    if (isDigit(c)) { number(); continue; }
    const d = src.charCodeAt(i + 1);
    switch (c) {
      case 35: lineComment(1); continue; // #
      case 47: // /
        if (d === 47) { lineComment(2); continue; }
        if (d === 42) { blockComment(); continue; }
        break;
      case 34: push('oquote', '"', i, i + 1); i++; modes.push({ m: 'q' }); continue;
      case 60: // <
        if (d === 60 && heredocOpen()) continue;
        if (d === 61) { punct('<=', 2); continue; }
        break;
      case 123: push('{', '{', i, i + 1); i++; mode.depth++; continue;
      case 125: closeBrace(mode, false); continue;
      case 126: if (d === 125) { closeBrace(mode, true); continue; } break;
      case 46: // .
        if (d === 46 && src.charCodeAt(i + 2) === 46) { punct('...', 3); continue; }
        break;
      case 61: if (d === 62 || d === 61) { punct(d === 62 ? '=>' : '==', 2); continue; } break; // =
      case 33: if (d === 61) { punct('!=', 2); continue; } break; // !
      case 62: if (d === 61) { punct('>=', 2); continue; } break; // >
      case 38: if (d === 38) { punct('&&', 2); continue; } break; // &
      case 124: if (d === 124) { punct('||', 2); continue; } break; // |
    }
    const one = src[i]!;
    if (PUNCT1.has(one)) { punct(one as TokType, 1); continue; }
    err(i, `unexpected character ${JSON.stringify(one)}`);
    i++;
  }
  if (modes.length > (opts.template ? 2 : 1)) {
    const open = modes[modes.length - 1]!;
    if (open.m === 'h') errors.push({ line, col: col(i), message: `heredoc is never closed: no line with ${open.delim} alone` });
    else if (open.m === 'n' && open.interp) errors.push({ line, col: col(i), message: 'template interpolation ${…} is never closed with }' });
  }
  push('eof', '', n, n);
  return { tokens, comments, errors };

  function punct(t: TokType, len: number) {
    push(t, t, i, i + len);
    i += len;
  }

  function lineComment(skip: number) {
    const start = i;
    let e = src.indexOf('\n', i);
    if (e < 0) e = n;
    comments.push({ text: src.slice(start + skip, e).replace(/\r$/, ''), line, col: col(start) });
    i = e;
  }

  function blockComment() {
    const start = i;
    const sl = line, sc = col(start);
    const e = src.indexOf('*/', i + 2);
    const stop = e < 0 ? n : e + 2;
    if (e < 0) err(start, 'comment opened with /* is never closed with */');
    comments.push({ text: src.slice(start + 2, e < 0 ? n : e), line: sl, col: sc });
    for (let k = i; k < stop; k++) if (src.charCodeAt(k) === 10) { line++; lineStart = k + 1; }
    i = stop;
  }

  function closeBrace(mode: Mode & { m: 'n' }, strip: boolean) {
    const len = strip ? 2 : 1;
    if (!strip && mode.depth > 0) { push('}', '}', i, i + 1); i++; mode.depth--; return; }
    if (mode.interp && mode.depth === 0) {
      push('seqend', '}', i, i + len, strip ? STRIP : 0);
      i += len;
      modes.pop();
      return;
    }
    if (strip) { err(i, '~} closes nothing here'); i += 2; return; }
    push('}', '}', i, i + 1);
    i++;
  }

  function number() {
    const start = i;
    while (i < n && isDigit(src.charCodeAt(i))) i++;
    // After `.` only an integer: `a.0.1` is two legacy index steps, not the number 0.1.
    const afterDot = tokens.length > 0 && tokens.t[tokens.length - 1] === '.';
    if (!afterDot) {
      if (src.charCodeAt(i) === 46 && isDigit(src.charCodeAt(i + 1))) {
        i++;
        while (i < n && isDigit(src.charCodeAt(i))) i++;
      }
      const e = src.charCodeAt(i);
      if (e === 101 || e === 69) {
        let k = i + 1;
        const s = src.charCodeAt(k);
        if (s === 43 || s === 45) k++;
        if (isDigit(src.charCodeAt(k))) {
          i = k;
          while (i < n && isDigit(src.charCodeAt(i))) i++;
        }
      }
    }
    push('number', src.slice(start, i), start, i);
  }

  function heredocOpen(): boolean {
    const m = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(src.slice(i, i + 200));
    if (!m) return false;
    push('oheredoc', m[2]!, i, i + m[0].length - 1, m[1] ? INDENT : 0);
    i += m[0].length;
    newline();
    modes.push({ m: 'h', delim: m[2]!, indent: !!m[1], atLineStart: true });
    return true;
  }

  /** Opening `${` / `%{` at `i` inside a template; true when one was read. */
  function templateOpen(): boolean {
    const c = src.charCodeAt(i);
    if ((c !== 36 && c !== 37) || src.charCodeAt(i + 1) !== 123) return false;
    const strip = src.charCodeAt(i + 2) === 126;
    const len = strip ? 3 : 2;
    push(c === 36 ? 'interp' : 'control', src.slice(i, i + len), i, i + len, strip ? STRIP : 0);
    i += len;
    modes.push({ m: 'n', depth: 0, interp: true });
    return true;
  }

  function quoted() {
    const start = i;
    const sl = line, sc = col(i);
    let text = '';
    let from = i;
    const flush = () => {
      text += src.slice(from, i);
      if (text) pushAt('lit', text, start, i, sl, sc);
    };
    while (i < n) {
      const c = src.charCodeAt(i);
      if (c === 34) {
        flush();
        push('cquote', '"', i, i + 1);
        i++;
        modes.pop();
        return;
      }
      if (c === 10) break;
      if (c === 92) {
        text += src.slice(from, i);
        const e = escape();
        if (e === undefined) { err(i, `unknown escape sequence ${JSON.stringify(src.slice(i, i + 2))} in a string`); text += src[i + 1] ?? ''; i += 2; }
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
        templateOpen();
        return;
      }
      i++;
    }
    flush();
    err(i, 'string is not closed with " before the end of the line');
    push('cquote', '"', i, i);
    modes.pop();
  }

  function escape(): { text: string; len: number } | undefined {
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
        if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) return undefined;
        const cp = parseInt(hex, 16);
        if (cp > 0x10ffff) return undefined;
        return { text: String.fromCodePoint(cp), len: 2 + digits };
      }
      default: return undefined;
    }
  }

  function heredoc(mode: Mode & { m: 'h' }) {
    if (mode.atLineStart) {
      let e = src.indexOf('\n', i);
      if (e < 0) e = n;
      if (src.slice(i, e).replace(/\r$/, '').trim() === mode.delim) {
        const at = i + src.slice(i, e).indexOf(mode.delim);
        push('cheredoc', mode.delim, at, at + mode.delim.length);
        i = at + mode.delim.length;
        modes.pop();
        return;
      }
    }
    const start = i;
    const sl = line, sc = col(i);
    const lineStartLit = mode.atLineStart;
    let text = '';
    let from = i;
    mode.atLineStart = false;
    while (i < n) {
      const c = src.charCodeAt(i);
      if (c === 10) {
        i++;
        text += src.slice(from, i);
        pushAt('lit', text, start, i, sl, sc, lineStartLit ? LINE_START : 0);
        newline();
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
        if (text) pushAt('lit', text, start, i, sl, sc, lineStartLit ? LINE_START : 0);
        templateOpen();
        return;
      }
      i++;
    }
    text += src.slice(from, i);
    if (text) pushAt('lit', text, start, i, sl, sc, lineStartLit ? LINE_START : 0);
  }
}
