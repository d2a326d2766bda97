import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import type { Value } from '../../../src/model/types.js';
import { render } from '../../../src/model/value.js';
import { loadTerraformModule, type ModuleOptions } from '../../../src/sources/terraform/module.js';
import type { TfResource } from '../../../src/sources/terraform/types.js';

/** A module folder (and any folders beside it) written from `files`; returns the root folder. */
function tfDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'attest-tf-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function load(files: Record<string, string>, opts: ModuleOptions = {}, sub = '.') {
  const root = join(tfDir(files), sub);
  const names = readdirSync(root).filter((f) => f.endsWith('.tf') || f.endsWith('.tfvars')).map((f) => join(root, f));
  const m = loadTerraformModule(root, names, opts);
  const byAddress = new Map(m.resources.map((r) => [r.address, r]));
  return { ...m, root, r: (a: string): TfResource => { const r = byAddress.get(a); assert.ok(r, `no resource ${a}; have ${[...byAddress.keys()].join(', ')}`); return r; } };
}

const get = (r: TfResource, k: string): Value => { const v = r.values.props.get(k); assert.ok(v, `${r.address} has no ${k}`); return v; };
const show = (r: TfResource, k: string) => render(get(r, k), 1000);

test('variables: default < terraform.tfvars < *.auto.tfvars (lexical) < --param, each value saying where it came from', () => {
  const m = load({
    'main.tf': 'variable "a" { default = "d" }\nvariable "b" { default = "d" }\nvariable "c" { default = "d" }\nvariable "d" { default = "d" }\nvariable "n" { type = number }\n\nresource "terraform_data" "t" {\n  a = var.a\n  b = var.b\n  c = var.c\n  d = var.d\n  n = var.n + 1\n}\n',
    'terraform.tfvars': 'b = "tfvars"\nc = "tfvars"\nd = "tfvars"\n',
    'a.auto.tfvars': 'c = "a.auto"\nd = "a.auto"\n',
    'b.auto.tfvars': 'd = "b.auto"\n',
  }, { vars: { d: 'param', n: '41' } });
  assert.deepEqual(m.errors, []);
  const t = m.r('terraform_data.t');
  assert.deepEqual(['a', 'b', 'c', 'd', 'n'].map((k) => show(t, k)), ['"d"', '"tfvars"', '"a.auto"', '"param"', '42']);
  const a = get(t, 'a');
  // Located where it is used, saying where the value was written.
  assert.deepEqual(a.loc, { file: a.loc.file, line: 8, column: 7, path: 'a' });
  assert.match(a.k === 'scalar' ? a.via ?? '' : '', /^default of variable a \(.*main\.tf:1\)$/);
  const b = get(t, 'b');
  assert.match(b.k === 'scalar' ? b.via ?? '' : '', /^variable b set in .*terraform\.tfvars:1$/);
  assert.equal(get(t, 'd').k === 'scalar' && (get(t, 'd') as { via?: string }).via, 'parameter d set by --param');
  assert.deepEqual(m.parameters.map((p) => [p.name, p.source, p.default]), [['var.a', 'default', 'd'], ['var.b', 'override', 'd'], ['var.c', 'override', 'd'], ['var.d', 'override', 'd'], ['var.n', 'override', undefined]]);
});

test('a variable without a value is unknown, naming it and how to give it', () => {
  const m = load({ 'main.tf': 'variable "kms_key_id" {}\nvariable "secret" {\n  default = "hunter2"\n  sensitive = true\n}\nresource "aws_s3_bucket" "b" {\n  kms = var.kms_key_id\n  s = var.secret\n}\n' });
  const k = get(m.r('aws_s3_bucket.b'), 'kms');
  assert.equal(k.k, 'unknown');
  assert.deepEqual(k.k === 'unknown' && [k.reason, k.params], ['var.kms_key_id has no value (no default; set it in terraform.tfvars or pass --param kms_key_id=VALUE)', ['var.kms_key_id']]);
  const s = get(m.r('aws_s3_bucket.b'), 's');
  assert.equal(s.k === 'scalar' && s.sensitive, true);
  assert.equal(m.parameters.find((p) => p.name === 'var.secret')?.noEcho, true);
});

test('--param of a list or object variable is read as HCL; object types fill optional attributes with their defaults', () => {
  const m = load({
    'main.tf': 'variable "l" { type = list(string) }\nvariable "o" {\n  type = object({ name = string, versioning = optional(bool, true), tags = optional(map(string)) })\n  default = { name = "x" }\n}\nresource "terraform_data" "t" {\n  l = var.l\n  v = var.o.versioning\n  tags = var.o.tags\n}\n',
  }, { vars: { l: '["a", "b"]' } });
  const t = m.r('terraform_data.t');
  assert.equal(show(t, 'l'), '["a", "b"]');
  assert.equal(show(t, 'v'), 'true');
  // An optional attribute without a default is null, which leaves the argument unset.
  assert.equal(t.values.props.has('tags'), false);
});

test('locals are read in any order; a cycle is an error naming it, and its value unknown', () => {
  const m = load({ 'main.tf': 'locals {\n  name = "${local.prefix}-logs"\n  prefix = "acme"\n  a = local.b\n  b = local.a\n}\nresource "aws_s3_bucket" "b" {\n  bucket = local.name\n  x = local.a\n}\n' });
  const b = m.r('aws_s3_bucket.b');
  assert.equal(show(b, 'bucket'), '"acme-logs"');
  assert.equal(get(b, 'x').k, 'unknown');
  assert.equal(m.errors.length, 1);
  assert.match(m.errors[0]!.message, /^local\.(a|b) refers to itself: local\.(a|b) -> local\.(a|b) -> local\.(a|b)$/);
});

test('count and for_each expand into instance addresses; count.index and each.* take each value', () => {
  const m = load({
    'main.tf': [
      'variable "names" { default = ["b", "a", "b"] }',
      'resource "aws_s3_bucket" "c" {',
      '  count  = 2',
      '  bucket = "c-${count.index}"',
      '}',
      'resource "aws_s3_bucket" "e" {',
      '  for_each = toset(var.names)',
      '  bucket   = "e-${each.key}"',
      '}',
      'resource "aws_s3_bucket" "m" {',
      '  for_each = { logs = { days = 30 }, data = { days = 90 } }',
      '  days     = each.value.days',
      '}',
      'resource "aws_s3_bucket" "none" {',
      '  count = 0',
      '}',
    ].join('\n'),
  });
  assert.deepEqual(m.resources.map((r) => r.address), ['aws_s3_bucket.c[0]', 'aws_s3_bucket.c[1]', 'aws_s3_bucket.e["a"]', 'aws_s3_bucket.e["b"]', 'aws_s3_bucket.m["data"]', 'aws_s3_bucket.m["logs"]']);
  assert.equal(show(m.r('aws_s3_bucket.c[1]'), 'bucket'), '"c-1"');
  assert.equal(show(m.r('aws_s3_bucket.e["a"]'), 'bucket'), '"e-a"');
  assert.equal(show(m.r('aws_s3_bucket.m["data"]'), 'days'), '90');
  assert.equal(m.r('aws_s3_bucket.c[0]').condition, undefined);
});

test('count or for_each that cannot be decided: one resource whose condition names what it depends on', () => {
  const m = load({
    'main.tf': 'variable "create" { type = bool }\nvariable "names" {}\nresource "aws_s3_bucket" "b" {\n  count  = var.create ? 1 : 0\n  bucket = "b-${count.index}"\n}\nresource "aws_s3_bucket" "e" {\n  for_each = var.names\n  bucket   = each.key\n}\n',
  });
  const b = m.r('aws_s3_bucket.b');
  assert.deepEqual(b.condition, { name: 'var.create', state: 'unknown', params: ['var.create'] });
  assert.equal(get(b, 'bucket').k, 'unknown');
  assert.deepEqual(m.r('aws_s3_bucket.e').condition, { name: 'for_each = var.names', state: 'unknown', params: ['var.names'] });
});

test('an undecided condition whose branch cannot be evaluated is unknown, not the other branch', () => {
  const m = load({ 'main.tf': 'variable "on" { type = bool }\nresource "terraform_data" "t" {\n  a = var.on ? [][0] : "fallback"\n}\n' });
  const a = get(m.r('terraform_data.t'), 'a');
  assert.equal(a.k, 'unknown');
  assert.deepEqual(a.k === 'unknown' && a.params, ['var.on']);
});

test('conditionals: decided when the condition is known, else unknown with both alternatives', () => {
  const m = load({ 'main.tf': 'variable "on" { type = bool }\nvariable "off" { default = false }\nresource "terraform_data" "t" {\n  a = var.off ? "x" : "y"\n  b = var.on ? "Enabled" : "Suspended"\n  c = var.on ? "same" : "same"\n  d = var.off && var.on\n  e = var.on ? "aws:kms" : null\n}\n' });
  const t = m.r('terraform_data.t');
  assert.equal(show(t, 'a'), '"y"');
  const b = get(t, 'b');
  assert.equal(b.k, 'unknown');
  assert.deepEqual(b.k === 'unknown' && [b.params, b.alts?.map((x) => render(x)), b.condition], [['var.on'], ['"Enabled"', '"Suspended"'], 'var.on']);
  assert.equal(show(t, 'c'), '"same"');
  assert.equal(show(t, 'd'), 'false');
  // A null alternative is "not set".
  const e = get(t, 'e');
  assert.deepEqual(e.k === 'unknown' && e.alts?.map((x) => x.k), ['scalar', 'absent']);
});

test("references: an attribute the configuration sets is its value, any other is a reference to the instance", () => {
  const m = load({
    'main.tf': 'resource "aws_s3_bucket" "b" {\n  count  = 2\n  bucket = "logs-${count.index}"\n}\nresource "aws_s3_bucket_versioning" "v" {\n  bucket = aws_s3_bucket.b[1].bucket\n  other  = aws_s3_bucket.b[0].arn\n  all    = aws_s3_bucket.b[*].id\n  depends_on = [aws_s3_bucket.b]\n}\n',
  });
  const v = m.r('aws_s3_bucket_versioning.v');
  const bucket = get(v, 'bucket');
  assert.equal(render(bucket), '"logs-1"');
  assert.deepEqual(bucket.loc, { file: bucket.loc.file, line: 6, column: 12, path: 'bucket' });
  assert.equal(bucket.k === 'scalar' && bucket.via, 'aws_s3_bucket.b[1].bucket');
  const other = get(v, 'other');
  assert.deepEqual(other.k === 'ref' && [other.resource, other.attr], ['aws_s3_bucket.b[0]', 'arn']);
  assert.equal(show(v, 'all'), '[aws_s3_bucket.b[0].id, aws_s3_bucket.b[1].id]');
  assert.deepEqual([...v.refs].sort(), ['aws_s3_bucket.b', 'aws_s3_bucket.b[0]', 'aws_s3_bucket.b[1]']);
});

test('an attribute the provider computes inside a block the configuration writes is a reference; an undecided count is still indexed', () => {
  const m = load({
    'main.tf': [
      'variable "create" { type = bool }',
      'resource "aws_eks_cluster" "this" {',
      '  vpc_config {',
      '    subnet_ids = ["a"]',
      '  }',
      '}',
      'data "aws_iam_policy_document" "p" {',
      '  count = var.create ? 1 : 0',
      '  statement {',
      '    actions   = ["sqs:*"]',
      '    resources = ["*"]',
      '  }',
      '}',
      'resource "terraform_data" "t" {',
      '  sg      = aws_eks_cluster.this.vpc_config[0].cluster_security_group_id',
      '  subnets = aws_eks_cluster.this.vpc_config[0].subnet_ids',
      '  policy  = data.aws_iam_policy_document.p[0].json',
      '}',
    ].join('\n'),
  });
  const t = m.r('terraform_data.t');
  const sg = get(t, 'sg');
  assert.deepEqual(sg.k === 'ref' && [sg.resource, sg.attr], ['aws_eks_cluster.this', 'vpc_config[0].cluster_security_group_id']);
  assert.equal(show(t, 'subnets'), '["a"]');
  assert.equal(JSON.parse(String((get(t, 'policy') as { v: string }).v)).Statement[0].Action, 'sqs:*');
});

test('local modules: evaluated with their inputs, addresses prefixed, outputs given to the caller; remote modules noted', () => {
  const m = load({
    'root/main.tf': [
      'module "logs" {',
      '  source     = "../modules/bucket"',
      '  name       = "acme-logs"',
      '  versioning = false',
      '}',
      'module "many" {',
      '  source   = "../modules/bucket"',
      '  for_each = toset(["x", "y"])',
      '  name     = each.key',
      '}',
      'module "vpc" {',
      '  source  = "terraform-aws-modules/vpc/aws"',
      '  version = "5.0.0"',
      '}',
      'resource "aws_s3_bucket_policy" "p" {',
      '  bucket = module.logs.id',
      '  name   = module.logs.name',
      '  vpc    = module.vpc.vpc_id',
      '}',
    ].join('\n'),
    'modules/bucket/main.tf': 'variable "name" {}\nvariable "versioning" { default = true }\nresource "aws_s3_bucket" "this" {\n  bucket = var.name\n}\nresource "aws_s3_bucket_versioning" "this" {\n  bucket = aws_s3_bucket.this.id\n  versioning_configuration {\n    status = var.versioning ? "Enabled" : "Suspended"\n  }\n}\noutput "id" { value = aws_s3_bucket.this.id }\noutput "name" { value = aws_s3_bucket.this.bucket }\n',
  }, {}, 'root');
  assert.deepEqual(m.errors, []);
  assert.deepEqual(m.resources.map((r) => r.address).sort(), [
    'aws_s3_bucket_policy.p',
    'module.logs.aws_s3_bucket.this', 'module.logs.aws_s3_bucket_versioning.this',
    'module.many["x"].aws_s3_bucket.this', 'module.many["x"].aws_s3_bucket_versioning.this',
    'module.many["y"].aws_s3_bucket.this', 'module.many["y"].aws_s3_bucket_versioning.this',
  ]);
  const logs = m.r('module.logs.aws_s3_bucket.this');
  assert.equal(logs.module, 'module.logs');
  assert.equal(show(logs, 'bucket'), '"acme-logs"');
  assert.match(logs.file, /modules\/bucket\/main\.tf$/);
  const status = m.r('module.logs.aws_s3_bucket_versioning.this').values.props.get('versioning_configuration');
  assert.equal(render(status), '[{status: "Suspended"}]');
  assert.equal(show(m.r('module.many["y"].aws_s3_bucket.this'), 'bucket'), '"y"');
  const p = m.r('aws_s3_bucket_policy.p');
  assert.equal(show(p, 'bucket'), 'module.logs.aws_s3_bucket.this.id');
  assert.equal(show(p, 'name'), '"acme-logs"');
  const vpc = get(p, 'vpc');
  assert.deepEqual(vpc.k === 'unknown' && vpc.params, ['module.vpc']);
  assert.deepEqual(m.notes.map((n) => [n.line, n.message]), [[12, 'module vpc (source "terraform-aws-modules/vpc/aws") is not read: its resources are not assessed']]);
});

test('data.aws_iam_policy_document is computed into the JSON policy; other data sources are unknown, named', () => {
  const m = load({
    'main.tf': [
      'resource "aws_s3_bucket" "b" {',
      '  bucket = "acme"',
      '}',
      'data "aws_iam_policy_document" "tls" {',
      '  statement {',
      '    sid     = "DenyInsecure"',
      '    effect  = "Deny"',
      '    actions = ["s3:*"]',
      '    resources = [aws_s3_bucket.b.arn, "${aws_s3_bucket.b.arn}/*"]',
      '    principals {',
      '      type        = "*"',
      '      identifiers = ["*"]',
      '    }',
      '    condition {',
      '      test     = "Bool"',
      '      variable = "aws:SecureTransport"',
      '      values   = ["false"]',
      '    }',
      '  }',
      '  statement {',
      '    actions   = ["s3:GetObject"]',
      '    resources = ["*"]',
      '    principals {',
      '      type        = "AWS"',
      '      identifiers = ["arn:aws:iam::111122223333:root"]',
      '    }',
      '  }',
      '}',
      'data "aws_caller_identity" "me" {}',
      'resource "aws_s3_bucket_policy" "p" {',
      '  bucket = aws_s3_bucket.b.id',
      '  policy = data.aws_iam_policy_document.tls.json',
      '  owner  = data.aws_caller_identity.me.account_id',
      '}',
    ].join('\n'),
  });
  const p = m.r('aws_s3_bucket_policy.p');
  const policy = get(p, 'policy');
  assert.equal(policy.k, 'scalar');
  assert.deepEqual(JSON.parse(String(policy.k === 'scalar' && policy.v)), {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'DenyInsecure', Effect: 'Deny', Action: 's3:*', Resource: ['${aws_s3_bucket.b.arn}', '${aws_s3_bucket.b.arn}/*'], Principal: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Principal: { AWS: 'arn:aws:iam::111122223333:root' } },
    ],
  });
  assert.deepEqual(policy.k === 'scalar' && policy.refs, ['aws_s3_bucket.b']);
  assert.equal(policy.loc.line, 32);
  const owner = get(p, 'owner');
  // The caller identity names the attribute read: its account id is the deploying account (eval/values.ts callerIdentity).
  assert.deepEqual(owner.k === 'unknown' && [owner.reason, owner.params], ['data.aws_caller_identity.me.account_id is the account Terraform deploys into, known when it runs', ['data.aws_caller_identity.me.account_id']]);
  assert.ok(p.refs.has('data.aws_iam_policy_document.tls'));
  assert.equal(m.r('data.aws_iam_policy_document.tls').mode, 'data');
});

test('an ephemeral resource is known only while Terraform runs', () => {
  const m = load({ 'main.tf': 'ephemeral "random_password" "p" {\n  length = 16\n}\nresource "aws_db_instance" "d" {\n  password_wo = ephemeral.random_password.p.result\n}\n' });
  const v = get(m.r('aws_db_instance.d'), 'password_wo');
  assert.deepEqual(v.k === 'unknown' && [v.reason, v.params], ['ephemeral.random_password.p exists only while Terraform runs', ['ephemeral.random_password.p']]);
});

test('a policy document depending on a variable without a value is unknown, naming it', () => {
  const m = load({ 'main.tf': 'variable "principal" {}\ndata "aws_iam_policy_document" "d" {\n  statement {\n    actions = ["s3:*"]\n    principals {\n      type = "AWS"\n      identifiers = [var.principal]\n    }\n  }\n}\nresource "aws_iam_role" "r" {\n  assume_role_policy = data.aws_iam_policy_document.d.json\n}\n' });
  const v = get(m.r('aws_iam_role.r'), 'assume_role_policy');
  assert.deepEqual(v.k === 'unknown' && v.params, ['var.principal']);
  assert.match(v.k === 'unknown' ? v.reason : '', /^data\.aws_iam_policy_document\.d\.json depends on var\.principal/);
});

test('nested blocks are lists of objects with their locations; dynamic blocks expand; meta-arguments are left out', () => {
  const m = load({
    'main.tf': [
      'variable "rules" { default = [{ from = 80 }, { from = 443 }] }',
      'resource "aws_security_group" "g" {',
      '  name = "g"',
      '  ingress {',
      '    from_port = 22',
      '  }',
      '  dynamic "ingress" {',
      '    for_each = var.rules',
      '    content {',
      '      from_port = ingress.value.from',
      '    }',
      '  }',
      '  lifecycle {',
      '    prevent_destroy = true',
      '  }',
      '  depends_on = []',
      '}',
    ].join('\n'),
  });
  const g = m.r('aws_security_group.g');
  assert.deepEqual([...g.values.props.keys()], ['name', 'ingress']);
  assert.equal(show(g, 'ingress'), '[{from_port: 22}, {from_port: 80}, {from_port: 443}]');
  const ingress = get(g, 'ingress');
  assert.deepEqual(g.values.keyLocs.get('ingress'), { file: g.file, line: 4, column: 3, path: 'ingress' });
  const first = ingress.k === 'list' ? ingress.items[0] : undefined;
  assert.deepEqual(first?.k === 'object' && first.keyLocs.get('from_port'), { file: g.file, line: 5, column: 5, path: 'ingress[0].from_port' });
});

test('functions Terraform decides before apply', () => {
  const exprs: [string, string][] = [
    ['format("%s-%03d", "a", 7)', '"a-007"'],
    ['join(",", ["a", "b"])', '"a,b"'],
    ['split(",", "a,b")', '["a", "b"]'],
    ['concat(["a"], ["b"])', '["a", "b"]'],
    ['merge({a = 1, b = 1}, {b = 2})', '{a: 1, b: 2}'],
    ['lookup({a = 1}, "b", 3)', '3'],
    ['element(["a", "b"], 3)', '"b"'],
    ['length("héllo")', '5'],
    ['upper("a")', '"A"'],
    ['replace("a-b-c", "-", "_")', '"a_b_c"'],
    ['replace("a1b22", "/[0-9]+/", "#")', '"a#b#"'],
    ['coalesce(null, "", "x")', '"x"'],
    ['try(local.obj.missing, "fallback")', '"fallback"'],
    ['can(local.obj.missing)', 'false'],
    ['tostring(5)', '"5"'],
    ['tonumber("5")', '5'],
    ['tobool("true")', 'true'],
    ['toset(["b", "a", "b"])', '["a", "b"]'],
    ['jsonencode({b = [1, true], a = "x"})', '"{\\"a\\":\\"x\\",\\"b\\":[1,true]}"'],
    ['jsondecode("{\\"a\\": [1]}").a[0]', '1'],
    ['flatten([["a"], [["b"]], "c"])', '["a", "b", "c"]'],
    ['distinct(["a", "b", "a"])', '["a", "b"]'],
    ['keys({b = 1, a = 2})', '["a", "b"]'],
    ['values({b = 1, a = 2})', '[2, 1]'],
    ['zipmap(["a", "b"], [1, 2])', '{a: 1, b: 2}'],
    ['contains(["a"], "a")', 'true'],
    ['range(3)', '[0, 1, 2]'],
    ['min(3, 1, 2)', '1'],
    ['max(3, 1, 2)', '3'],
    ['abs(-2)', '2'],
    ['substr("hello", 1, 3)', '"ell"'],
    ['trimspace("  a ")', '"a"'],
    ['startswith("arn:aws", "arn:")', 'true'],
    ['endswith("a.json", ".yaml")', 'false'],
    ['cidrsubnet("10.0.0.0/16", 8, 2)', '"10.0.2.0/24"'],
    ['cidrsubnet("fd00:fd12:3456:7890::/56", 16, 162)', '"fd00:fd12:3456:7800:a200::/72"'],
    ['cidrhost("10.12.112.0/20", 268)', '"10.12.113.12"'],
    ['cidrnetmask("172.16.0.0/12")', '"255.240.0.0"'],
    ['cidrsubnets("10.1.0.0/16", 4, 4, 8, 4)', '["10.1.0.0/20", "10.1.16.0/20", "10.1.32.0/24", "10.1.48.0/20"]'],
    ['base64decode(base64encode("hi"))', '"hi"'],
    ['sha256("a")', '"ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"'],
    ['md5("a")', '"0cc175b9c0f1b6a831c399e269772661"'],
    ['[for s in ["a", "b"] : upper(s) if s != "b"]', '["A"]'],
    ['{for k, v in {a = 1, b = 2} : v => k}', '{1: "a", 2: "b"}'],
    ['{for s in ["a", "ab", "b"] : substr(s, 0, 1) => s...}', '{a: ["a", "ab"], b: ["b"]}'],
    ['"%{ for s in ["a", "b"] }${s};%{ endfor }"', '"a;b;"'],
    ['"%{ if true }yes%{ else }no%{ endif }"', '"yes"'],
    ['[{a = 1}, {a = 2}][*].a', '[1, 2]'],
    ['1 + 2 * 3 - 4 / 2', '5'],
    ['"${aws_s3_bucket.b.arn}/*"', '"${aws_s3_bucket.b.arn}/*"'],
    ['timestamp()', '<timestamp() is the time of apply>'],
    ['can(regex("(?i)^ARN:", "arn:aws"))', 'true'],
    ['regex("^(?P<service>[a-z0-9]+):", "s3:GetObject")', '{service: "s3"}'],
    // RE2 syntax JavaScript reads differently is not evaluated: unknown, never a can() of false.
    ['can(regex("[[:alpha:]]+\\\\z", "ab"))', '<regular expression "[[:alpha:]]+\\\\z" uses syntax Attest does not evaluate>'],
    ['file("${path.module}/policy.json")', '"{\\"Version\\": \\"2012-10-17\\"}\\n"'],
    ['templatefile("${path.module}/t.tpl", { name = "x", items = ["a", "b"] })', '"hello x: a,b,\\n"'],
  ];
  const m = load({
    'main.tf': `locals {\n  obj = { a = 1 }\n}\nresource "aws_s3_bucket" "b" {}\nresource "terraform_data" "t" {\n${exprs.map(([e], i) => `  v${i} = ${e}`).join('\n')}\n}\n`,
    'policy.json': '{"Version": "2012-10-17"}\n',
    't.tpl': 'hello ${name}: %{ for i in items }${i},%{ endfor }\n',
  });
  assert.deepEqual(m.errors, []);
  const t = m.r('terraform_data.t');
  const got = exprs.map(([e], i) => [e, render(t.values.props.get(`v${i}`), 1000)]);
  assert.deepEqual(got, exprs);
});
