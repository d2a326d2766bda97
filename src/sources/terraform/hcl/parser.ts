// A recursive-descent parser for HCL native syntax (the `.tf` language), written from the
// HCL specification. Newlines end an argument but not an expression inside brackets or
// parentheses; the parser keeps a stack saying which applies. An error in a top-level block
// is recorded and reading resumes at the next top-level block, so one typo does not hide
// the rest of the file.
import type { Attribute, BinaryOp, Block, Body, Expr, ForExpr, ObjectItem, ParsedFile, ParseError, Pos, TemplatePart } from './ast.js';
import { INDENT, lex, LINE_START, release, STRIP, type Tokens, type TokType } from './lexer.js';

const MAX_DEPTH = 200;

class Fail extends Error {
  constructor(readonly at: { line: number; col: number }, message: string) { super(message); }
}

const PREC: Partial<Record<TokType, number>> = {
  '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 4, '<=': 4, '>': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6, '%': 6,
};

function describe(k: Tokens, j: number): string {
  const v = k.v[j]!;
  switch (k.t[j]) {
    case 'eof': return 'the end of the file';
    case 'nl': return 'a new line';
    case 'ident': return `${JSON.stringify(v)}`;
    case 'number': return `the number ${v}`;
    case 'oquote': return 'a string';
    case 'lit': return 'text';
    case 'oheredoc': return 'a heredoc';
    case 'interp': return '${';
    case 'control': return '%{';
    case 'seqend': return '}';
    default: return `"${k.t[j]}"`;
  }
}

export function parseHcl(text: string, file: string): ParsedFile {
  const lexed = lex(text);
  const p = new Parser(lexed.tokens);
  const body = p.file();
  release(lexed.tokens);
  const errors: ParseError[] = [...lexed.errors, ...p.errors].sort((a, b) => a.line - b.line || a.col - b.col);
  return { file, text, body, comments: lexed.comments, errors };
}

/** A file read by `templatefile()`: all of it is template text. */
export function parseTemplate(text: string): { expr: Expr; errors: ParseError[] } {
  const lexed = lex(text, { template: true });
  const p = new Parser(lexed.tokens);
  let expr: Expr = { t: 'lit', v: '', line: 1, col: 1, pos: 0, end: 0 };
  const errors: ParseError[] = [...lexed.errors];
  try { expr = p.templateText(); } catch (e) {
    if (!(e instanceof Fail)) throw e;
    errors.push({ line: e.at.line, col: e.at.col, message: e.message });
  }
  release(lexed.tokens);
  return { expr, errors };
}

class Parser {
  readonly errors: ParseError[] = [];
  private i = 0;
  private lastEnd = 0;
  /** true: newlines are significant (bodies, object constructors); false: skipped (brackets, parentheses). */
  private readonly nl: boolean[] = [true];
  private stripNext = false;
  private lastLit: { v: string } | undefined;
  private depth = 0;
  private readonly t: TokType[];
  private readonly last: number;

  constructor(private readonly k: Tokens) {
    this.t = k.t;
    this.last = k.length - 1;
  }

  file(): Body {
    const items: Body['items'] = [];
    for (;;) {
      this.skipNl();
      if (this.t[this.i] === 'eof') break;
      const start = this.i;
      try {
        items.push(this.item());
      } catch (e) {
        if (!(e instanceof Fail)) throw e;
        this.errors.push({ line: e.at.line, col: e.at.col, message: e.message });
        this.nl.length = 1;
        this.depth = 0;
        this.recover(start);
      }
    }
    return { items };
  }

  /** Skip to the next identifier at the start of a line in column 1: the next top-level block. */
  private recover(start: number): void {
    let j = Math.max(this.i, start + 1);
    while (j < this.last) {
      if (this.t[j] === 'ident' && this.k.col[j] === 1 && this.t[j - 1] === 'nl') break;
      j++;
    }
    this.i = Math.min(j, this.last);
  }

  // ---- tokens (by index)

  private at(j: number): { line: number; col: number } {
    return { line: this.k.line[j]!, col: this.k.col[j]! };
  }

  private fail(j: number, message: string): Fail {
    return new Fail(this.at(j), message);
  }

  /** Index of the next token (newlines skipped where they do not count). */
  private peek(): number {
    if (!this.nl[this.nl.length - 1]) while (this.t[this.i] === 'nl') this.i++;
    return this.i;
  }

  private peekT(): TokType {
    return this.t[this.peek()]!;
  }

  private next(): number {
    const j = this.peek();
    if (j < this.last) this.i++;
    this.lastEnd = this.k.end[j]!;
    return j;
  }

  private skipNl(): void {
    while (this.t[this.i] === 'nl') this.i++;
  }

  private expect(t: TokType, what: string): number {
    const j = this.peek();
    if (this.t[j] !== t) throw this.fail(j, `expected ${what}, found ${describe(this.k, j)}`);
    return this.next();
  }

  private with<T>(significant: boolean, f: () => T): T {
    this.nl.push(significant);
    try { return f(); } finally { this.nl.pop(); }
  }

  /**
   * Position of a node whose optional members are set after it is made (the others are
   * written with their position in one literal: members added later cost V8 a second
   * allocation and a change of shape per node).
   */
  private span<T extends object>(start: number, node: T): T & Pos {
    const n = node as T & Pos;
    n.line = this.k.line[start]!;
    n.col = this.k.col[start]!;
    n.pos = this.k.pos[start]!;
    n.end = this.lastEnd;
    return n;
  }

  private lit(j: number, v: string | number | boolean | null): Expr {
    return { t: 'lit', v, line: this.k.line[j]!, col: this.k.col[j]!, pos: this.k.pos[j]!, end: this.k.end[j]! };
  }

  // ---- bodies

  private body(): Body {
    const items: Body['items'] = [];
    for (;;) {
      this.skipNl();
      const t = this.t[this.i];
      if (t === '}') break;
      if (t === 'eof') throw this.fail(this.i, 'block is not closed with } before the end of the file');
      items.push(this.item());
    }
    return { items };
  }

  private item(): Attribute | Block {
    if (this.depth >= MAX_DEPTH) throw this.fail(this.i, `blocks nested more than ${MAX_DEPTH} levels deep`);
    this.depth++;
    const it = this.itemInner();
    this.depth--;
    return it;
  }

  private itemInner(): Attribute | Block {
    const name = this.i;
    const nameV = this.k.v[name]!;
    if (this.t[name] !== 'ident') throw this.fail(name, `expected an argument name or a block type, found ${describe(this.k, name)}`);
    this.next();
    if (this.peekT() === '=') {
      this.next();
      const expr = this.expr();
      const end = this.t[this.i];
      if (end !== 'nl' && end !== 'eof' && end !== '}') {
        throw this.fail(this.i, `unexpected ${describe(this.k, this.i)} after the value of ${nameV}; each argument goes on its own line`);
      }
      return { kind: 'attr' as const, name: nameV, expr, line: this.k.line[name]!, col: this.k.col[name]!, pos: this.k.pos[name]!, end: this.lastEnd };
    }
    const labels: Block['labels'] = [];
    for (;;) {
      const j = this.peek();
      const t = this.t[j];
      if (t === 'ident') {
        this.next();
        labels.push({ value: this.k.v[j]!, line: this.k.line[j]!, col: this.k.col[j]!, pos: this.k.pos[j]!, end: this.k.end[j]! });
        continue;
      }
      if (t === 'oquote') {
        this.next();
        let value = '';
        if (this.t[this.i] === 'lit') { value = this.k.v[this.i]!; this.next(); }
        const close = this.i;
        if (this.t[close] !== 'cquote') throw this.fail(close, `a block label is a plain string; ${describe(this.k, close)} is not allowed in the label of ${nameV}`);
        this.next();
        labels.push({ value, line: this.k.line[j]!, col: this.k.col[j]!, pos: this.k.pos[j]!, end: this.k.end[close]! });
        continue;
      }
      break;
    }
    const open = this.peek();
    if (this.t[open] !== '{') {
      throw this.fail(open, labels.length
        ? `expected { to open the ${nameV} block, found ${describe(this.k, open)}`
        : `expected = (an argument) or a block after ${nameV}, found ${describe(this.k, open)}`);
    }
    this.next();
    let body: Body;
    this.nl.push(true);
    try { body = this.body(); } finally { this.nl.pop(); }
    const close = this.expect('}', `} closing the ${nameV} block`);
    const end = this.t[this.i];
    if (end !== 'nl' && end !== 'eof' && end !== '}') throw this.fail(this.i, `unexpected ${describe(this.k, this.i)} after the ${nameV} block; start it on a new line`);
    return { kind: 'block' as const, endLine: this.k.line[close]!, type: nameV, labels, body, line: this.k.line[name]!, col: this.k.col[name]!, pos: this.k.pos[name]!, end: this.lastEnd };
  }

  // ---- expressions

  expr(): Expr {
    // Deeper nesting than any configuration writes would exhaust the stack: an error instead.
    if (this.depth >= MAX_DEPTH) throw this.fail(this.peek(), `expression nested more than ${MAX_DEPTH} levels deep`);
    this.depth++;
    const e = this.exprInner();
    this.depth--;
    return e;
  }

  private exprInner(): Expr {
    const start = this.peek();
    const cond = this.binary(1);
    this.skipNlBefore('?');
    if (this.peekT() !== '?') return cond;
    this.next();
    this.skipNl();
    const then = this.expr();
    this.skipNlBefore(':');
    this.expect(':', ': of the conditional (cond ? a : b)');
    this.skipNl();
    const otherwise = this.expr();
    return { t: 'cond' as const, cond, then, else: otherwise, line: this.k.line[start]!, col: this.k.col[start]!, pos: this.k.pos[start]!, end: this.lastEnd };
  }

  /** A newline before `tok` is tolerated when `tok` follows it (an operator continuing the line above). */
  private skipNlBefore(tok: TokType): void {
    let j = this.i;
    while (this.t[j] === 'nl') j++;
    if (this.t[j] === tok) this.i = j;
  }

  /**
   * A line that starts with a binary operator continues the expression above: nothing else
   * can start with one where newlines count (an argument or an object item starts with a name).
   */
  private skipNlBeforeOperator(): void {
    if (this.t[this.i] !== 'nl') return;
    let j = this.i;
    while (this.t[j] === 'nl') j++;
    if (PREC[this.t[j]!] !== undefined) this.i = j;
  }

  private binary(min: number): Expr {
    const start = this.peek();
    let left = this.unary();
    for (;;) {
      this.skipNlBeforeOperator();
      const op = this.peekT();
      const level = PREC[op];
      if (level === undefined || level < min) return left;
      this.next();
      this.skipNl();
      const right = this.binary(level + 1);
      left = { t: 'binary' as const, op: op as BinaryOp, left, right, line: this.k.line[start]!, col: this.k.col[start]!, pos: this.k.pos[start]!, end: this.lastEnd };
    }
  }

  private unary(): Expr {
    const j = this.peek();
    const t = this.t[j];
    if (t === '!' || t === '-') {
      this.next();
      const e = this.unary();
      if (t === '-' && e.t === 'lit' && typeof e.v === 'number') return { t: 'lit' as const, v: -e.v, line: this.k.line[j]!, col: this.k.col[j]!, pos: this.k.pos[j]!, end: this.lastEnd };
      return { t: 'unary' as const, op: t, e, line: this.k.line[j]!, col: this.k.col[j]!, pos: this.k.pos[j]!, end: this.lastEnd };
    }
    return this.postfix(this.primary(), j);
  }

  /** Attribute access, indexing and splats following `e`. */
  private postfix(e: Expr, start: number): Expr {
    for (;;) {
      const t = this.peekT();
      if (t === '.') {
        this.next();
        const k = this.next();
        const kt = this.t[k];
        if (kt === 'ident') e = { t: 'getattr' as const, obj: e, name: this.k.v[k]!, line: this.k.line[start]!, col: this.k.col[start]!, pos: this.k.pos[start]!, end: this.lastEnd };
        else if (kt === 'number') e = { t: 'index' as const, obj: e, key: this.lit(k, Number(this.k.v[k])), line: this.k.line[start]!, col: this.k.col[start]!, pos: this.k.pos[start]!, end: this.lastEnd };
        else if (kt === '*') {
          // `.*` applies the attribute steps that follow (and only those) to each element.
          let each: Expr = { t: 'anon', line: this.k.line[k]!, col: this.k.col[k]!, pos: this.k.pos[k]!, end: this.k.end[k]! };
          while (this.peekT() === '.' && (this.t[this.i + 1] === 'ident' || this.t[this.i + 1] === 'number')) {
            this.next();
            const a = this.next();
            each = this.t[a] === 'ident'
              ? { t: 'getattr' as const, obj: each, name: this.k.v[a]!, line: this.k.line[start]!, col: this.k.col[start]!, pos: this.k.pos[start]!, end: this.lastEnd }
              : { t: 'index' as const, obj: each, key: this.lit(a, Number(this.k.v[a])), line: this.k.line[start]!, col: this.k.col[start]!, pos: this.k.pos[start]!, end: this.lastEnd };
          }
          e = { t: 'splat' as const, src: e, each, line: this.k.line[start]!, col: this.k.col[start]!, pos: this.k.pos[start]!, end: this.lastEnd };
        } else throw this.fail(k, `expected an attribute name after ".", found ${describe(this.k, k)}`);
        continue;
      }
      if (t === '[') {
        this.next();
        if (this.peekT() === '*' && this.t[this.i + 1] === ']') {
          const star = this.next();
          this.next();
          // `[*]` applies every traversal step that follows to each element.
          const anon: Expr = { t: 'anon', line: this.k.line[star]!, col: this.k.col[star]!, pos: this.k.pos[star]!, end: this.k.end[star]! };
          const each = this.postfix(anon, start);
          return { t: 'splat' as const, src: e, each, line: this.k.line[start]!, col: this.k.col[start]!, pos: this.k.pos[start]!, end: this.lastEnd };
        }
        let key: Expr;
        this.nl.push(false);
        try {
          key = this.expr();
          this.expect(']', '] closing the index');
        } finally { this.nl.pop(); }
        e = { t: 'index' as const, obj: e, key, line: this.k.line[start]!, col: this.k.col[start]!, pos: this.k.pos[start]!, end: this.lastEnd };
        continue;
      }
      return e;
    }
  }

  private primary(): Expr {
    const j = this.next();
    const v = this.k.v[j]!;
    switch (this.t[j]) {
      case 'number': return { t: 'lit' as const, v: Number(v), line: this.k.line[j]!, col: this.k.col[j]!, pos: this.k.pos[j]!, end: this.lastEnd };
      case 'ident': {
        if (v === 'true' || v === 'false') return { t: 'lit' as const, v: v === 'true', line: this.k.line[j]!, col: this.k.col[j]!, pos: this.k.pos[j]!, end: this.lastEnd };
        if (v === 'null') return { t: 'lit' as const, v: null, line: this.k.line[j]!, col: this.k.col[j]!, pos: this.k.pos[j]!, end: this.lastEnd };
        let name = v;
        // Provider-defined functions: provider::aws::arn_parse(...)
        while (this.t[this.i] === ':' && this.t[this.i + 1] === ':' && this.t[this.i + 2] === 'ident') {
          name += '::' + this.k.v[this.i + 2]!;
          this.i += 3;
          this.lastEnd = this.k.end[this.i - 1]!;
        }
        if (this.t[this.i] === '(') return this.call(j, name);
        return { t: 'var' as const, name, line: this.k.line[j]!, col: this.k.col[j]!, pos: this.k.pos[j]!, end: this.lastEnd };
      }
      case 'oquote': return this.template(j, 'cquote');
      case 'oheredoc': return this.template(j, 'cheredoc');
      case '(': {
        this.nl.push(false);
        try {
          const e = this.expr();
          this.expect(')', ') closing the parenthesis');
          return { t: 'paren' as const, e, line: this.k.line[j]!, col: this.k.col[j]!, pos: this.k.pos[j]!, end: this.lastEnd };
        } finally { this.nl.pop(); }
      }
      case '[': {
        this.nl.push(false);
        try { return this.tuple(j); } finally { this.nl.pop(); }
      }
      case '{': return this.object(j);
      default: throw this.fail(j, `expected an expression, found ${describe(this.k, j)}`);
    }
  }

  private call(start: number, name: string): Expr {
    this.next();
    this.nl.push(false);
    try {
      const args: Expr[] = [];
      let expand = false;
      while (this.peekT() !== ')') {
        if (expand) throw this.fail(this.peek(), `... expands only the last argument of ${name}()`);
        args.push(this.expr());
        if (this.peekT() === '...') { this.next(); expand = true; }
        if (this.peekT() === ',') { this.next(); continue; }
        if (this.peekT() !== ')') throw this.fail(this.peek(), `expected , or ) in the arguments of ${name}(), found ${describe(this.k, this.peek())}`);
      }
      this.next();
      return { t: 'call' as const, name, args, expand, line: this.k.line[start]!, col: this.k.col[start]!, pos: this.k.pos[start]!, end: this.lastEnd };
    } finally { this.nl.pop(); }
  }

  private isFor(): boolean {
    const j = this.peek();
    if (this.t[j] !== 'ident' || this.k.v[j] !== 'for') return false;
    let n = j + 1;
    while (this.t[n] === 'nl') n++;
    return this.t[n] === 'ident';
  }

  private tuple(open: number): Expr {
    if (this.isFor()) return this.forExpr(open, false);
    const items: Expr[] = [];
    while (this.peekT() !== ']') {
      items.push(this.expr());
      if (this.peekT() === ',') { this.next(); continue; }
      if (this.peekT() !== ']') throw this.fail(this.peek(), `expected , or ] in the list, found ${describe(this.k, this.peek())}`);
    }
    this.next();
    return { t: 'tuple' as const, items, line: this.k.line[open]!, col: this.k.col[open]!, pos: this.k.pos[open]!, end: this.lastEnd };
  }

  private object(open: number): Expr {
    this.nl.push(false);
    try {
      if (this.isFor()) return this.forExpr(open, true);
    } finally { this.nl.pop(); }
    this.nl.push(true);
    try {
      const items: ObjectItem[] = [];
      for (;;) {
        this.skipNl();
        const k = this.peek();
        if (this.t[k] === '}') break;
        let key: Expr;
        const sep = this.t[k + 1];
        if (this.t[k] === 'ident' && (sep === '=' || sep === ':')) {
          this.next();
          key = { t: 'lit' as const, v: this.k.v[k]!, line: this.k.line[k]!, col: this.k.col[k]!, pos: this.k.pos[k]!, end: this.lastEnd };
        } else {
          key = this.binary(1);
        }
        const eq = this.peek();
        if (this.t[eq] !== '=' && this.t[eq] !== ':') throw this.fail(eq, `expected = after the key of an object item, found ${describe(this.k, eq)}`);
        this.next();
        this.skipNl();
        const value = this.expr();
        items.push({ key, value, line: this.k.line[k]!, col: this.k.col[k]!, pos: this.k.pos[k]!, end: this.lastEnd });
        const after = this.t[this.i];
        if (after === ',') { this.next(); continue; }
        if (after === 'nl' || after === '}') continue;
        throw this.fail(this.i, `expected , or a new line between object items, found ${describe(this.k, this.i)}`);
      }
      this.next();
      return { t: 'object' as const, items, line: this.k.line[open]!, col: this.k.col[open]!, pos: this.k.pos[open]!, end: this.lastEnd };
    } finally { this.nl.pop(); }
  }

  private forExpr(open: number, obj: boolean): Expr {
    this.next(); // for
    const first = this.k.v[this.expect('ident', 'a variable name after for')]!;
    let keyVar: string | undefined;
    let valVar = first;
    if (this.peekT() === ',') {
      this.next();
      keyVar = first;
      valVar = this.k.v[this.expect('ident', 'a second variable name after ,')]!;
    }
    const inTok = this.peek();
    if (this.t[inTok] !== 'ident' || this.k.v[inTok] !== 'in') throw this.fail(inTok, `expected in after the for variables, found ${describe(this.k, inTok)}`);
    this.next();
    const coll = this.expr();
    this.expect(':', ': after the collection of the for expression');
    let keyExpr: Expr | undefined;
    let valExpr = this.expr();
    let group = false;
    if (obj) {
      this.expect('=>', '=> between the key and the value of a for expression building an object');
      keyExpr = valExpr;
      valExpr = this.expr();
      if (this.peekT() === '...') { this.next(); group = true; }
    }
    let cond: Expr | undefined;
    const ifTok = this.peek();
    if (this.t[ifTok] === 'ident' && this.k.v[ifTok] === 'if') { this.next(); cond = this.expr(); }
    this.expect(obj ? '}' : ']', obj ? '} closing the for expression' : '] closing the for expression');
    const node: ForExpr = { t: 'for', valVar, coll, valExpr, group };
    if (keyVar !== undefined) node.keyVar = keyVar;
    if (keyExpr) node.keyExpr = keyExpr;
    if (cond) node.cond = cond;
    return this.span(open, node);
  }

  // ---- templates

  templateText(): Expr {
    const parts = mergeLits(this.with(false, () => this.parts('eof', [], [])).parts);
    const at = { line: 1, col: 1, pos: 0, end: this.k.end[this.last]! };
    if (parts.every((x) => x.t === 'lit')) return { t: 'lit', v: parts.map((x) => (x as { v: string }).v).join(''), ...at };
    return { t: 'tpl', parts, ...at };
  }

  private template(open: number, close: 'cquote' | 'cheredoc'): Expr {
    // Most strings are plain text: `"…"` is one literal token or none, read without building parts.
    if (close === 'cquote') {
      const j = this.i;
      if (this.t[j] === 'cquote') {
        this.next();
        return { t: 'lit' as const, v: '', line: this.k.line[open]!, col: this.k.col[open]!, pos: this.k.pos[open]!, end: this.lastEnd };
      }
      if (this.t[j] === 'lit' && this.t[j + 1] === 'cquote') {
        const raw = this.k.v[j]!;
        const v = this.stripNext ? raw.replace(/^\s+/, '') : raw;
        this.stripNext = false;
        // As `parts` leaves it: a later `${~` trims the last literal read.
        this.lastLit = { v };
        this.next();
        this.next();
        return { t: 'lit' as const, v, line: this.k.line[open]!, col: this.k.col[open]!, pos: this.k.pos[open]!, end: this.lastEnd };
      }
    }
    const lineStarts: { v: string }[] = [];
    const raw = this.with(false, () => this.parts(close, [], lineStarts)).parts;
    const end = this.i;
    // At the end of the file the lexer has already said what is not closed.
    if (this.t[end] !== close && this.t[end] !== 'eof') throw this.fail(end, `unexpected ${describe(this.k, end)} in a template`);
    this.next();
    if (this.k.flags[open]! & INDENT) stripIndent(lineStarts);
    const parts = mergeLits(raw);
    // A template without interpolations or directives is a plain string.
    const k = this.k;
    if (parts.every((x) => x.t === 'lit')) {
      return { t: 'lit' as const, v: parts.map((x) => (x as { v: string }).v).join(''), line: k.line[open]!, col: k.col[open]!, pos: k.pos[open]!, end: this.lastEnd };
    }
    if (close === 'cheredoc') return { t: 'tpl' as const, parts, heredoc: true, line: k.line[open]!, col: k.col[open]!, pos: k.pos[open]!, end: this.lastEnd };
    return { t: 'tpl' as const, parts, line: k.line[open]!, col: k.col[open]!, pos: k.pos[open]!, end: this.lastEnd };
  }

  /** Template parts up to `close`, or up to a directive named in `stops` (consumed, and returned). */
  private parts(close: TokType, stops: string[], lineStarts: { v: string }[]): { parts: TemplatePart[]; stop?: string } {
    const parts: TemplatePart[] = [];
    for (;;) {
      const j = this.i;
      const t = this.t[j];
      if (t === close || t === 'eof') return { parts };
      if (t === 'lit') {
        this.next();
        const v = this.k.v[j]!;
        const part = { t: 'lit' as const, v: this.stripNext ? v.replace(/^\s+/, '') : v, line: this.k.line[j]!, col: this.k.col[j]!, pos: this.k.pos[j]!, end: this.k.end[j]! };
        this.stripNext = false;
        if (this.k.flags[j]! & LINE_START) lineStarts.push(part);
        this.lastLit = part;
        parts.push(part);
        continue;
      }
      if (t === 'interp') {
        this.next();
        this.openStrip(j);
        const e = this.expr();
        this.closeSeq('${');
        parts.push({ t: 'interp' as const, e, line: this.k.line[j]!, col: this.k.col[j]!, pos: this.k.pos[j]!, end: this.lastEnd });
        continue;
      }
      if (t === 'control') {
        this.next();
        this.openStrip(j);
        const kw = this.expect('ident', 'if, for, else, endif or endfor after %{');
        const word = this.k.v[kw]!;
        if (stops.includes(word)) {
          this.closeSeq('%{');
          return { parts, stop: word };
        }
        if (word === 'if') {
          const cond = this.expr();
          this.closeSeq('%{');
          const then = this.parts(close, ['else', 'endif'], lineStarts);
          let otherwise: TemplatePart[] = [];
          if (then.stop === 'else') {
            const e = this.parts(close, ['endif'], lineStarts);
            if (e.stop !== 'endif') throw this.fail(j, '%{ if } is not closed with %{ endif }');
            otherwise = e.parts;
          } else if (then.stop !== 'endif') throw this.fail(j, '%{ if } is not closed with %{ endif }');
          parts.push({ t: 'tif' as const, cond, then: then.parts, else: otherwise, line: this.k.line[j]!, col: this.k.col[j]!, pos: this.k.pos[j]!, end: this.lastEnd });
          continue;
        }
        if (word === 'for') {
          const first = this.k.v[this.expect('ident', 'a variable name after for')]!;
          let keyVar: string | undefined;
          let valVar = first;
          if (this.peekT() === ',') { this.next(); keyVar = first; valVar = this.k.v[this.expect('ident', 'a second variable name')]!; }
          const inTok = this.next();
          if (this.t[inTok] !== 'ident' || this.k.v[inTok] !== 'in') throw this.fail(inTok, `expected in after the for variables, found ${describe(this.k, inTok)}`);
          const coll = this.expr();
          this.closeSeq('%{');
          const body = this.parts(close, ['endfor'], lineStarts);
          if (body.stop !== 'endfor') throw this.fail(j, '%{ for } is not closed with %{ endfor }');
          const node: TemplatePart = { t: 'tfor' as const, valVar, coll, body: body.parts, line: this.k.line[j]!, col: this.k.col[j]!, pos: this.k.pos[j]!, end: this.lastEnd };
          if (keyVar !== undefined) node.keyVar = keyVar;
          parts.push(node);
          continue;
        }
        throw this.fail(kw, `unexpected %{ ${word} } here`);
      }
      throw this.fail(j, `unexpected ${describe(this.k, j)} in a template`);
    }
  }

  private openStrip(j: number): void {
    if (this.k.flags[j]! & STRIP && this.lastLit) this.lastLit.v = this.lastLit.v.replace(/\s+$/, '');
    this.lastLit = undefined;
  }

  private closeSeq(what: string): void {
    const j = this.peek();
    if (this.t[j] !== 'seqend') throw this.fail(j, `expected } closing ${what}, found ${describe(this.k, j)}`);
    this.next();
    this.stripNext = !!(this.k.flags[j]! & STRIP);
  }
}

/** Adjacent literal parts (a heredoc is lexed line by line) as one. */
function mergeLits(parts: TemplatePart[]): TemplatePart[] {
  const out: TemplatePart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (p.t === 'lit' && last?.t === 'lit') out[out.length - 1] = { ...last, v: last.v + p.v, end: p.end };
    else if (p.t === 'tif') out.push({ ...p, then: mergeLits(p.then), else: mergeLits(p.else) });
    else if (p.t === 'tfor') out.push({ ...p, body: mergeLits(p.body) });
    else out.push(p);
  }
  return out.filter((p) => p.t !== 'lit' || p.v !== '');
}

/** `<<-EOF`: the smallest indentation of the non-blank lines is removed from every line. */
function stripIndent(lineStarts: { v: string }[]): void {
  let min = Infinity;
  for (const l of lineStarts) {
    if (/^[ \t]*\r?\n$/.test(l.v)) continue;
    const m = /^[ \t]*/.exec(l.v)![0].length;
    if (m < min) min = m;
  }
  if (!Number.isFinite(min) || min === 0) return;
  for (const l of lineStarts) l.v = l.v.replace(new RegExp(`^[ \\t]{0,${min}}`), '');
}
