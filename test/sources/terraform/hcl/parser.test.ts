import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Attribute, Block, Expr, TemplatePart } from '../../../../src/sources/terraform/hcl/ast.js';
import { parseHcl } from '../../../../src/sources/terraform/hcl/parser.js';

/** The value of argument `name` in the first body of `text` (after asserting the file parsed cleanly). */
function attrOf(text: string, name: string): Expr {
  const f = parseHcl(text, 'main.tf');
  assert.deepEqual(f.errors, []);
  const a = f.body.items.find((i): i is Attribute => i.kind === 'attr' && i.name === name);
  assert.ok(a, `no argument ${name}`);
  return a.expr;
}

/** An expression as a compact S-expression, to compare structure without positions. */
function sx(e: Expr | TemplatePart): string {
  switch (e.t) {
    case 'lit': return JSON.stringify(e.v);
    case 'tpl': return `(tpl ${e.parts.map(sx).join(' ')})`;
    case 'interp': return `(\${ ${sx(e.e)})`;
    case 'tif': return `(%if ${sx(e.cond)} [${e.then.map(sx).join(' ')}] [${e.else.map(sx).join(' ')}])`;
    case 'var': return e.name;
    case 'getattr': return `(. ${sx(e.obj)} ${e.name})`;
    case 'index': return `([] ${sx(e.obj)} ${sx(e.key)})`;
    case 'splat': return `(splat ${sx(e.src)} ${sx(e.each)})`;
    case 'anon': return '_';
    case 'call': return `(${e.name}${e.args.map((a) => ' ' + sx(a)).join('')}${e.expand ? ' ...' : ''})`;
    case 'tuple': return `[${e.items.map(sx).join(' ')}]`;
    case 'object': return `{${e.items.map((i) => `${sx(i.key)}=${sx(i.value)}`).join(' ')}}`;
    case 'cond': return `(? ${sx(e.cond)} ${sx(e.then)} ${sx(e.else)})`;
    case 'binary': return `(${e.op} ${sx(e.left)} ${sx(e.right)})`;
    case 'unary': return `(${e.op} ${sx(e.e)})`;
    case 'paren': return sx(e.e);
    case 'tfor': return `(%for ${e.valVar} ${sx(e.coll)} [${e.body.map(sx).join(' ')}])`;
    case 'for': return `(for ${e.keyVar ? e.keyVar + ',' : ''}${e.valVar} ${sx(e.coll)} ${e.keyExpr ? sx(e.keyExpr) + ' => ' : ''}${sx(e.valExpr)}${e.group ? '...' : ''}${e.cond ? ' if ' + sx(e.cond) : ''})`;
  }
}

test('blocks, labels and arguments carry the line and column where they are written', () => {
  const text = [
    '# a comment',
    'resource "aws_s3_bucket" "logs" {',
    '  bucket = "acme-logs"',
    '',
    '  versioning {',
    '    enabled = true',
    '  }',
    '}',
    'locals { a = 1 }',
  ].join('\n');
  const f = parseHcl(text, 'main.tf');
  assert.deepEqual(f.errors, []);
  const r = f.body.items[0] as Block;
  assert.equal(r.kind, 'block');
  assert.deepEqual([r.type, r.line, r.col], ['resource', 2, 1]);
  assert.deepEqual(r.labels.map((l) => [l.value, l.line, l.col]), [['aws_s3_bucket', 2, 10], ['logs', 2, 26]]);
  const bucket = r.body.items[0] as Attribute;
  assert.deepEqual([bucket.name, bucket.line, bucket.col, bucket.expr.line, bucket.expr.col], ['bucket', 3, 3, 3, 12]);
  const v = r.body.items[1] as Block;
  assert.deepEqual([v.type, v.line, v.col], ['versioning', 5, 3]);
  const enabled = v.body.items[0] as Attribute;
  assert.deepEqual([enabled.line, enabled.col, enabled.expr.col], [6, 5, 15]);
  assert.equal(text.slice(enabled.expr.pos, enabled.expr.end), 'true');
  const locals = f.body.items[1] as Block;
  assert.deepEqual([locals.type, locals.line, (locals.body.items[0] as Attribute).name], ['locals', 9, 'a']);
  assert.deepEqual(f.comments, [{ text: ' a comment', line: 1, col: 1 }]);
});

test('operators follow HCL precedence, conditionals bind loosest, unary minus folds into numbers', () => {
  assert.equal(sx(attrOf('x = a || b && c == d + e * -2', 'x')), '(|| a (&& b (== c (+ d (* e -2)))))');
  assert.equal(sx(attrOf('x = 1 < 2 == !f', 'x')), '(== (< 1 2) (! f))');
  assert.equal(sx(attrOf('x = a - b - c', 'x')), '(- (- a b) c)');
  assert.equal(sx(attrOf('x = a ? b : c ? d : e', 'x')), '(? a b (? c d e))');
  assert.equal(sx(attrOf('x = (a\n  ? b\n  : c)', 'x')), '(? a b c)');
  assert.equal(sx(attrOf('x = var.a &&\n  var.b', 'x')), '(&& (. var a) (. var b))');
});

test('traversals: attributes, indexes, legacy numeric steps and both splats', () => {
  assert.equal(sx(attrOf('x = aws_s3_bucket.b[0].arn', 'x')), '(. ([] (. aws_s3_bucket b) 0) arn)');
  assert.equal(sx(attrOf('x = a.b["k"]', 'x')), '([] (. a b) "k")');
  assert.equal(sx(attrOf('x = a.0.1.c', 'x')), '(. ([] ([] a 0) 1) c)');
  assert.equal(sx(attrOf('x = a[*].id[0]', 'x')), '(splat a ([] (. _ id) 0))');
  // `.*` takes only the attribute steps; an index after it applies to the resulting list.
  assert.equal(sx(attrOf('x = a.*.id[0]', 'x')), '([] (splat a (. _ id)) 0)');
  assert.equal(sx(attrOf('x = a[*].b[*].c', 'x')), '(splat a (splat (. _ b) (. _ c)))');
});

test('function calls with expansion, tuples and objects across lines', () => {
  assert.equal(sx(attrOf('x = merge(local.a, [\n  {b = 1},\n  {c = 2},\n]...)', 'x')), '(merge (. local a) [{"b"=1} {"c"=2}] ...)');
  assert.equal(sx(attrOf('x = {\n  a = 1\n  "b" = 2, c : 3\n  (var.k) = 4\n  "${var.p}-x" = 5\n}', 'x')),
    '{"a"=1 "b"=2 "c"=3 (. var k)=4 (tpl (${ (. var p)) "-x")=5}');
  assert.equal(sx(attrOf('x = provider::aws::arn_parse("a")', 'x')), '(provider::aws::arn_parse "a")');
});

test('for expressions: tuple and object forms, filters and grouping', () => {
  assert.equal(sx(attrOf('x = [for s in var.l : upper(s) if s != ""]', 'x')), '(for s (. var l) (upper s) if (!= s ""))');
  assert.equal(sx(attrOf('x = {\n  for k, v in var.m :\n  k => v...\n  if v != null\n}', 'x')), '(for k,v (. var m) k => v... if (!= v null))');
});

test('templates: escapes, interpolations, directives and strip markers', () => {
  assert.equal(sx(attrOf('x = "a\\n\\"b\\" $${lit} %%{lit} ${var.x}"', 'x')), '(tpl "a\\n\\"b\\" ${lit} %{lit} " (${ (. var x)))');
  assert.equal(sx(attrOf('x = "${ {a = "}"}.a }"', 'x')), '(tpl (${ (. {"a"="}"} a)))');
  assert.equal(sx(attrOf('x = "%{ if var.on }yes%{ else }no%{ endif }"', 'x')), '(tpl (%if (. var on) ["yes"] ["no"]))');
  assert.equal(sx(attrOf('x = "a  ${~ b ~}  c"', 'x')), '(tpl "a" (${ b) "c")');
  const e = attrOf('x = "%{ for s in l }${s},%{ endfor }"', 'x');
  assert.equal(e.t === 'tpl' && e.parts[0]!.t, 'tfor');
});

test('heredocs: plain and indented, with interpolation and the line after them', () => {
  const text = 'policy = <<EOF\n{\n  "a": "${var.x}"\n}\nEOF\nnext = <<-EOT\n    one\n      two\n    EOT\n';
  const f = parseHcl(text, 'main.tf');
  assert.deepEqual(f.errors, []);
  const [policy, next] = f.body.items as Attribute[];
  assert.equal(sx(policy!.expr), '(tpl "{\\n  \\"a\\": \\"" (${ (. var x)) "\\"\\n}\\n")');
  assert.deepEqual([next!.name, next!.line], ['next', 6]);
  assert.equal(sx(next!.expr), '"one\\n  two\\n"');
});

test('a parse error names line, column and what is wrong; reading resumes at the next top-level block', () => {
  const text = [
    'resource "aws_s3_bucket" "a" {',
    '  bucket = "a" "b"',
    '}',
    '',
    'resource "aws_s3_bucket" "b" {',
    '  acl = ',
    '}',
    'resource "aws_s3_bucket" "c" {',
    '  bucket = "c"',
    '}',
  ].join('\n');
  const f = parseHcl(text, 'main.tf');
  assert.deepEqual(f.errors, [
    { line: 2, col: 16, message: 'unexpected a string after the value of bucket; each argument goes on its own line' },
    { line: 6, col: 9, message: 'expected an expression, found a new line' },
  ]);
  assert.deepEqual(f.body.items.map((b) => (b as Block).labels.map((l) => l.value).join('.')), ['aws_s3_bucket.c']);
});

test('lexical errors: unterminated strings and heredocs, unknown escapes', () => {
  const f = parseHcl('a = "open\nb = "x\\qy"\nc = 1\n', 'main.tf');
  assert.deepEqual(f.errors.map((e) => [e.line, e.col, e.message]), [
    [1, 10, 'string is not closed with " before the end of the line'],
    [2, 7, 'unknown escape sequence "\\\\q" in a string'],
  ]);
  assert.deepEqual(f.body.items.map((i) => (i as Attribute).name), ['a', 'b', 'c']);
  const h = parseHcl('a = <<EOF\nnever closed\n', 'main.tf');
  assert.deepEqual(h.errors.map((e) => e.message), ['heredoc is never closed: no line with EOF alone']);
});

test('nesting deeper than any configuration writes is an error, not a stack overflow; the next argument is still read', () => {
  const f = parseHcl(`a = ${'('.repeat(5000)}1${')'.repeat(5000)}\nb = 2\n`, 'main.tf');
  assert.deepEqual(f.errors, [{ line: 1, col: 204, message: 'expression nested more than 200 levels deep' }]);
  assert.deepEqual(f.body.items.map((i) => (i as Attribute).name), ['b']);
});
