// A recursive-descent parser for HCL native syntax (the `.tf` language), written from the
// HCL specification. Newlines end an argument but not an expression inside brackets or
// parentheses; the parser keeps a stack saying which applies. An error in a top-level block
// is recorded and reading resumes at the next top-level block, so one typo does not hide
// the rest of the file.
import type { Attribute, BinaryOp, Block, Body, Expr, ForExpr, ObjectItem, ParsedFile, ParseError, Pos, TemplatePart } from './ast.js';
import { lex, type Token, type TokType } from './lexer.js';

class Fail extends Error {
  constructor(readonly at: { line: number; col: number }, message: string) { super(message); }
}

const PREC: Partial<Record<TokType, number>> = {
  '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 4, '<=': 4, '>': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6, '%': 6,
};

const describe = (t: Token): string => {
  switch (t.t) {
    case 'eof': return 'the end of the file';
    case 'nl': return 'a new line';
    case 'ident': return `${JSON.stringify(t.v)}`;
    case 'number': return `the number ${t.v}`;
    case 'oquote': return 'a string';
    case 'lit': return 'text';
    case 'oheredoc': return 'a heredoc';
    case 'interp': return '${';
    case 'control': return '%{';
    case 'seqend': return '}';
    default: return `"${t.t}"`;
  }
};

export function parseHcl(text: string, file: string): ParsedFile {
  const lexed = lex(text);
  const p = new Parser(lexed.tokens);
  const body = p.file();
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

  constructor(private readonly toks: Token[]) {}

  file(): Body {
    const items: Body['items'] = [];
    for (;;) {
      this.skipNl();
      if (this.toks[this.i]!.t === 'eof') break;
      const start = this.i;
      try {
        items.push(this.item());
      } catch (e) {
        if (!(e instanceof Fail)) throw e;
        this.errors.push({ line: e.at.line, col: e.at.col, message: e.message });
        this.nl.length = 1;
        this.recover(start);
      }
    }
    return { items };
  }

  /** Skip to the next identifier at the start of a line in column 1: the next top-level block. */
  private recover(start: number): void {
    let j = Math.max(this.i, start + 1);
    while (j < this.toks.length - 1) {
      const t = this.toks[j]!;
      if (t.t === 'ident' && t.col === 1 && this.toks[j - 1]?.t === 'nl') break;
      j++;
    }
    this.i = Math.min(j, this.toks.length - 1);
  }

  // ---- tokens

  private peek(): Token {
    if (!this.nl[this.nl.length - 1]) while (this.toks[this.i]!.t === 'nl') this.i++;
    return this.toks[this.i]!;
  }

  private next(): Token {
    const t = this.peek();
    if (t.t !== 'eof') this.i++;
    this.lastEnd = t.end;
    return t;
  }

  private skipNl(): void {
    while (this.toks[this.i]!.t === 'nl') this.i++;
  }

  private expect(t: TokType, what: string): Token {
    const tok = this.peek();
    if (tok.t !== t) throw new Fail(tok, `expected ${what}, found ${describe(tok)}`);
    return this.next();
  }

  private with<T>(significant: boolean, f: () => T): T {
    this.nl.push(significant);
    try { return f(); } finally { this.nl.pop(); }
  }

  private span<T extends object>(start: Token, node: T): T & Pos {
    return Object.assign(node, { line: start.line, col: start.col, pos: start.pos, end: this.lastEnd });
  }

  // ---- bodies

  private body(): Body {
    const items: Body['items'] = [];
    for (;;) {
      this.skipNl();
      const t = this.toks[this.i]!;
      if (t.t === '}') break;
      if (t.t === 'eof') throw new Fail(t, 'block is not closed with } before the end of the file');
      items.push(this.item());
    }
    return { items };
  }

  private item(): Attribute | Block {
    const name = this.toks[this.i]!;
    if (name.t !== 'ident') throw new Fail(name, `expected an argument name or a block type, found ${describe(name)}`);
    this.next();
    const after = this.peek();
    if (after.t === '=') {
      this.next();
      const expr = this.expr();
      const end = this.toks[this.i]!;
      if (end.t !== 'nl' && end.t !== 'eof' && end.t !== '}') {
        throw new Fail(end, `unexpected ${describe(end)} after the value of ${name.v}; each argument goes on its own line`);
      }
      return this.span(name, { kind: 'attr' as const, name: name.v, expr });
    }
    const labels: Block['labels'] = [];
    for (;;) {
      const t = this.peek();
      if (t.t === 'ident') { this.next(); labels.push({ value: t.v, line: t.line, col: t.col, pos: t.pos, end: t.end }); continue; }
      if (t.t === 'oquote') {
        this.next();
        let value = '';
        const lit = this.toks[this.i]!;
        if (lit.t === 'lit') { value = lit.v; this.next(); }
        const close = this.toks[this.i]!;
        if (close.t !== 'cquote') throw new Fail(close, `a block label is a plain string; ${describe(close)} is not allowed in the label of ${name.v}`);
        this.next();
        labels.push({ value, line: t.line, col: t.col, pos: t.pos, end: close.end });
        continue;
      }
      break;
    }
    const open = this.peek();
    if (open.t !== '{') {
      throw new Fail(open, labels.length
        ? `expected { to open the ${name.v} block, found ${describe(open)}`
        : `expected = (an argument) or a block after ${name.v}, found ${describe(open)}`);
    }
    this.next();
    const body = this.with(true, () => this.body());
    const close = this.expect('}', `} closing the ${name.v} block`);
    const end = this.toks[this.i]!;
    if (end.t !== 'nl' && end.t !== 'eof' && end.t !== '}') throw new Fail(end, `unexpected ${describe(end)} after the ${name.v} block; start it on a new line`);
    return this.span(name, { kind: 'block' as const, endLine: close.line, type: name.v, labels, body });
  }

  // ---- expressions

  expr(): Expr {
    const start = this.peek();
    const cond = this.binary(1);
    this.skipNlBefore('?');
    if (this.peek().t !== '?') return cond;
    this.next();
    this.skipNl();
    const then = this.expr();
    this.skipNlBefore(':');
    this.expect(':', ': of the conditional (cond ? a : b)');
    this.skipNl();
    const otherwise = this.expr();
    return this.span(start, { t: 'cond' as const, cond, then, else: otherwise });
  }

  /** A newline before `tok` is tolerated when `tok` follows it (an operator continuing the line above). */
  private skipNlBefore(tok: TokType): void {
    let j = this.i;
    while (this.toks[j]!.t === 'nl') j++;
    if (this.toks[j]!.t === tok) this.i = j;
  }

  /**
   * A line that starts with a binary operator continues the expression above: nothing else
   * can start with one where newlines count (an argument or an object item starts with a name).
   */
  private skipNlBeforeOperator(): void {
    let j = this.i;
    while (this.toks[j]!.t === 'nl') j++;
    const t = this.toks[j]!.t;
    if (j > this.i && PREC[t] !== undefined) this.i = j;
  }

  private binary(min: number): Expr {
    const start = this.peek();
    let left = this.unary();
    for (;;) {
      this.skipNlBeforeOperator();
      const op = this.peek();
      const level = PREC[op.t];
      if (level === undefined || level < min) return left;
      this.next();
      this.skipNl();
      const right = this.binary(level + 1);
      left = this.span(start, { t: 'binary' as const, op: op.t as BinaryOp, left, right });
    }
  }

  private unary(): Expr {
    const t = this.peek();
    if (t.t === '!' || t.t === '-') {
      this.next();
      const e = this.unary();
      if (t.t === '-' && e.t === 'lit' && typeof e.v === 'number') return this.span(t, { t: 'lit' as const, v: -e.v });
      return this.span(t, { t: 'unary' as const, op: t.t, e });
    }
    return this.postfix(this.primary(), t);
  }

  /** Attribute access, indexing and splats following `e`. */
  private postfix(e: Expr, start: Token): Expr {
    for (;;) {
      const t = this.peek();
      if (t.t === '.') {
        this.next();
        const k = this.next();
        if (k.t === 'ident') e = this.span(start, { t: 'getattr' as const, obj: e, name: k.v });
        else if (k.t === 'number') e = this.span(start, { t: 'index' as const, obj: e, key: { t: 'lit' as const, v: Number(k.v), line: k.line, col: k.col, pos: k.pos, end: k.end } });
        else if (k.t === '*') {
          // `.*` applies the attribute steps that follow (and only those) to each element.
          const anon: Expr = { t: 'anon', line: k.line, col: k.col, pos: k.pos, end: k.end };
          let each: Expr = anon;
          while (this.peek().t === '.' && (this.toks[this.i + 1]!.t === 'ident' || this.toks[this.i + 1]!.t === 'number')) {
            this.next();
            const a = this.next();
            each = a.t === 'ident'
              ? this.span(start, { t: 'getattr' as const, obj: each, name: a.v })
              : this.span(start, { t: 'index' as const, obj: each, key: { t: 'lit' as const, v: Number(a.v), line: a.line, col: a.col, pos: a.pos, end: a.end } });
          }
          e = this.span(start, { t: 'splat' as const, src: e, each });
        } else throw new Fail(k, `expected an attribute name after ".", found ${describe(k)}`);
        continue;
      }
      if (t.t === '[') {
        this.next();
        if (this.peek().t === '*' && this.toks[this.i + 1]?.t === ']') {
          const star = this.next();
          this.next();
          // `[*]` applies every traversal step that follows to each element.
          const anon: Expr = { t: 'anon', line: star.line, col: star.col, pos: star.pos, end: star.end };
          const each = this.postfix(anon, start);
          return this.span(start, { t: 'splat' as const, src: e, each });
        }
        const key = this.with(false, () => {
          const k = this.expr();
          this.expect(']', '] closing the index');
          return k;
        });
        e = this.span(start, { t: 'index' as const, obj: e, key });
        continue;
      }
      return e;
    }
  }

  private primary(): Expr {
    const t = this.next();
    switch (t.t) {
      case 'number': return this.span(t, { t: 'lit' as const, v: Number(t.v) });
      case 'ident': {
        if (t.v === 'true' || t.v === 'false') return this.span(t, { t: 'lit' as const, v: t.v === 'true' });
        if (t.v === 'null') return this.span(t, { t: 'lit' as const, v: null });
        let name = t.v;
        // Provider-defined functions: provider::aws::arn_parse(...)
        while (this.toks[this.i]!.t === ':' && this.toks[this.i + 1]!.t === ':' && this.toks[this.i + 2]!.t === 'ident') {
          name += '::' + this.toks[this.i + 2]!.v;
          this.i += 3;
          this.lastEnd = this.toks[this.i - 1]!.end;
        }
        if (this.toks[this.i]!.t === '(') return this.call(t, name);
        return this.span(t, { t: 'var' as const, name });
      }
      case 'oquote': return this.template(t, 'cquote');
      case 'oheredoc': return this.template(t, 'cheredoc');
      case '(': return this.with(false, () => {
        const e = this.expr();
        this.expect(')', ') closing the parenthesis');
        return this.span(t, { t: 'paren' as const, e });
      });
      case '[': return this.with(false, () => this.tuple(t));
      case '{': return this.object(t);
      default: throw new Fail(t, `expected an expression, found ${describe(t)}`);
    }
  }

  private call(start: Token, name: string): Expr {
    this.next();
    return this.with(false, () => {
      const args: Expr[] = [];
      let expand = false;
      while (this.peek().t !== ')') {
        if (expand) throw new Fail(this.peek(), `... expands only the last argument of ${name}()`);
        args.push(this.expr());
        if (this.peek().t === '...') { this.next(); expand = true; }
        if (this.peek().t === ',') { this.next(); continue; }
        if (this.peek().t !== ')') throw new Fail(this.peek(), `expected , or ) in the arguments of ${name}(), found ${describe(this.peek())}`);
      }
      this.next();
      return this.span(start, { t: 'call' as const, name, args, expand });
    });
  }

  private isFor(): boolean {
    const t = this.peek();
    if (t.t !== 'ident' || t.v !== 'for') return false;
    let j = this.i + 1;
    while (this.toks[j]!.t === 'nl') j++;
    return this.toks[j]!.t === 'ident';
  }

  private tuple(open: Token): Expr {
    if (this.isFor()) return this.forExpr(open, false);
    const items: Expr[] = [];
    while (this.peek().t !== ']') {
      items.push(this.expr());
      if (this.peek().t === ',') { this.next(); continue; }
      if (this.peek().t !== ']') throw new Fail(this.peek(), `expected , or ] in the list, found ${describe(this.peek())}`);
    }
    this.next();
    return this.span(open, { t: 'tuple' as const, items });
  }

  private object(open: Token): Expr {
    if (this.with(false, () => this.isFor())) return this.with(false, () => this.forExpr(open, true));
    return this.with(true, () => {
      const items: ObjectItem[] = [];
      for (;;) {
        this.skipNl();
        const k = this.peek();
        if (k.t === '}') break;
        let key: Expr;
        const sep = this.toks[this.i + 1]!.t;
        if (k.t === 'ident' && (sep === '=' || sep === ':')) {
          this.next();
          key = this.span(k, { t: 'lit' as const, v: k.v });
        } else {
          key = this.binary(1);
        }
        const eq = this.peek();
        if (eq.t !== '=' && eq.t !== ':') throw new Fail(eq, `expected = after the key of an object item, found ${describe(eq)}`);
        this.next();
        this.skipNl();
        const value = this.expr();
        items.push(this.span(k, { key, value }));
        const after = this.toks[this.i]!;
        if (after.t === ',') { this.next(); continue; }
        if (after.t === 'nl' || after.t === '}') continue;
        throw new Fail(after, `expected , or a new line between object items, found ${describe(after)}`);
      }
      this.next();
      return this.span(open, { t: 'object' as const, items });
    });
  }

  private forExpr(open: Token, obj: boolean): Expr {
    this.next(); // for
    const first = this.expect('ident', 'a variable name after for');
    let keyVar: string | undefined;
    let valVar = first.v;
    if (this.peek().t === ',') {
      this.next();
      keyVar = first.v;
      valVar = this.expect('ident', 'a second variable name after ,').v;
    }
    const inTok = this.peek();
    if (inTok.t !== 'ident' || inTok.v !== 'in') throw new Fail(inTok, `expected in after the for variables, found ${describe(inTok)}`);
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
      if (this.peek().t === '...') { this.next(); group = true; }
    }
    let cond: Expr | undefined;
    const ifTok = this.peek();
    if (ifTok.t === 'ident' && ifTok.v === 'if') { this.next(); cond = this.expr(); }
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
    const at = { line: 1, col: 1, pos: 0, end: this.toks[this.toks.length - 1]!.end };
    if (parts.every((x) => x.t === 'lit')) return { t: 'lit', v: parts.map((x) => (x as { v: string }).v).join(''), ...at };
    return { t: 'tpl', parts, ...at };
  }

  private template(open: Token, close: 'cquote' | 'cheredoc'): Expr {
    const lineStarts: { v: string }[] = [];
    const raw = this.with(false, () => this.parts(close, [], lineStarts)).parts;
    const end = this.toks[this.i]!;
    // At the end of the file the lexer has already said what is not closed.
    if (end.t !== close && end.t !== 'eof') throw new Fail(end, `unexpected ${describe(end)} in a template`);
    this.next();
    if (open.indent) stripIndent(lineStarts);
    const parts = mergeLits(raw);
    // A template without interpolations or directives is a plain string.
    if (parts.every((x) => x.t === 'lit')) return this.span(open, { t: 'lit' as const, v: parts.map((x) => (x as { v: string }).v).join('') });
    return this.span(open, close === 'cheredoc' ? { t: 'tpl' as const, parts, heredoc: true } : { t: 'tpl' as const, parts });
  }

  /** Template parts up to `close`, or up to a directive named in `stops` (consumed, and returned). */
  private parts(close: TokType, stops: string[], lineStarts: { v: string }[]): { parts: TemplatePart[]; stop?: string } {
    const parts: TemplatePart[] = [];
    for (;;) {
      const t = this.toks[this.i]!;
      if (t.t === close || t.t === 'eof') return { parts };
      if (t.t === 'lit') {
        this.next();
        const part = { t: 'lit' as const, v: this.stripNext ? t.v.replace(/^\s+/, '') : t.v, line: t.line, col: t.col, pos: t.pos, end: t.end };
        this.stripNext = false;
        if (t.lineStart) lineStarts.push(part);
        this.lastLit = part;
        parts.push(part);
        continue;
      }
      if (t.t === 'interp') {
        this.next();
        this.openStrip(t);
        const e = this.expr();
        this.closeSeq('${');
        parts.push(this.span(t, { t: 'interp' as const, e }));
        continue;
      }
      if (t.t === 'control') {
        this.next();
        this.openStrip(t);
        const kw = this.expect('ident', 'if, for, else, endif or endfor after %{');
        if (stops.includes(kw.v)) {
          this.closeSeq('%{');
          return { parts, stop: kw.v };
        }
        if (kw.v === 'if') {
          const cond = this.expr();
          this.closeSeq('%{');
          const then = this.parts(close, ['else', 'endif'], lineStarts);
          let otherwise: TemplatePart[] = [];
          if (then.stop === 'else') {
            const e = this.parts(close, ['endif'], lineStarts);
            if (e.stop !== 'endif') throw new Fail(t, '%{ if } is not closed with %{ endif }');
            otherwise = e.parts;
          } else if (then.stop !== 'endif') throw new Fail(t, '%{ if } is not closed with %{ endif }');
          parts.push(this.span(t, { t: 'tif' as const, cond, then: then.parts, else: otherwise }));
          continue;
        }
        if (kw.v === 'for') {
          const first = this.expect('ident', 'a variable name after for');
          let keyVar: string | undefined;
          let valVar = first.v;
          if (this.peek().t === ',') { this.next(); keyVar = first.v; valVar = this.expect('ident', 'a second variable name').v; }
          const inTok = this.next();
          if (inTok.t !== 'ident' || inTok.v !== 'in') throw new Fail(inTok, `expected in after the for variables, found ${describe(inTok)}`);
          const coll = this.expr();
          this.closeSeq('%{');
          const body = this.parts(close, ['endfor'], lineStarts);
          if (body.stop !== 'endfor') throw new Fail(t, '%{ for } is not closed with %{ endfor }');
          const node: TemplatePart = this.span(t, { t: 'tfor' as const, valVar, coll, body: body.parts });
          if (keyVar !== undefined) node.keyVar = keyVar;
          parts.push(node);
          continue;
        }
        throw new Fail(kw, `unexpected %{ ${kw.v} } here`);
      }
      throw new Fail(t, `unexpected ${describe(t)} in a template`);
    }
  }

  private openStrip(t: Token): void {
    if (t.strip && this.lastLit) this.lastLit.v = this.lastLit.v.replace(/\s+$/, '');
    this.lastLit = undefined;
  }

  private closeSeq(what: string): void {
    const t = this.peek();
    if (t.t !== 'seqend') throw new Fail(t, `expected } closing ${what}, found ${describe(t)}`);
    this.next();
    this.stripNext = !!t.strip;
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
