// The syntax tree of an HCL native-syntax file. Every node carries where it starts (1-based
// line and column) and its source offsets, so evaluated values can point at what the user
// wrote and messages can quote an expression's text.

export interface Pos {
  line: number;
  col: number;
  /** Offsets into the file's text: `text.slice(pos, end)` is the node as written. */
  pos: number;
  end: number;
}

export interface Attribute extends Pos {
  kind: 'attr';
  name: string;
  expr: Expr;
}

export interface Block extends Pos {
  kind: 'block';
  /** Line of the closing brace. */
  endLine: number;
  type: string;
  labels: (Pos & { value: string })[];
  body: Body;
}

export interface Body {
  items: (Attribute | Block)[];
}

export type TemplatePart =
  | (Pos & { t: 'lit'; v: string })
  | (Pos & { t: 'interp'; e: Expr })
  | (Pos & { t: 'tif'; cond: Expr; then: TemplatePart[]; else: TemplatePart[] })
  | (Pos & { t: 'tfor'; keyVar?: string; valVar: string; coll: Expr; body: TemplatePart[] });

export type Expr =
  | (Pos & { t: 'lit'; v: string | number | boolean | null })
  | (Pos & { t: 'tpl'; parts: TemplatePart[]; heredoc?: boolean })
  | (Pos & { t: 'var'; name: string })
  | (Pos & { t: 'getattr'; obj: Expr; name: string })
  | (Pos & { t: 'index'; obj: Expr; key: Expr })
  /** `src[*].a.b` / `src.*.a`: `each` is evaluated per element with `anon` bound to it. */
  | (Pos & { t: 'splat'; src: Expr; each: Expr })
  | (Pos & { t: 'anon' })
  | (Pos & { t: 'call'; name: string; args: Expr[]; expand: boolean })
  | (Pos & { t: 'tuple'; items: Expr[] })
  | (Pos & { t: 'object'; items: ObjectItem[] })
  | (Pos & { t: 'cond'; cond: Expr; then: Expr; else: Expr })
  | (Pos & { t: 'binary'; op: BinaryOp; left: Expr; right: Expr })
  | (Pos & { t: 'unary'; op: '!' | '-'; e: Expr })
  | (Pos & { t: 'paren'; e: Expr })
  | (Pos & ForExpr);

export interface ObjectItem extends Pos {
  /** A bare identifier key is the literal string (`lit`); any other key is evaluated. */
  key: Expr;
  value: Expr;
}

export interface ForExpr {
  t: 'for';
  keyVar?: string;
  valVar: string;
  coll: Expr;
  /** Present for the object form `{for k, v in x : key => value}`. */
  keyExpr?: Expr;
  valExpr: Expr;
  cond?: Expr;
  /** `value...`: values with the same key are grouped into a list. */
  group: boolean;
}

export type BinaryOp = '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

export interface ParseError {
  line: number;
  col: number;
  message: string;
}

export interface ParsedFile {
  /** Display path. */
  file: string;
  text: string;
  body: Body;
  comments: import('./lexer.js').Comment[];
  errors: ParseError[];
}
