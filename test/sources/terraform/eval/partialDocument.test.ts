import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Value } from '../../../../src/model/types.js';
import { loadTerraformModule } from '../../../../src/sources/terraform/module.js';
import { jsonDocument } from '../../../../src/sources/terraform/translate/api.js';

// A JSON document (jsonencode, or a policy document data source) unknown in some values only
// keeps its text unknown, with the document itself, those values unknown, as `partial`: the
// translation reads that, as CloudFormation reads a policy holding a parameter.

function load(main: string) {
  const dir = mkdtempSync(join(tmpdir(), 'attest-tf-partial-'));
  writeFileSync(join(dir, 'main.tf'), main);
  const m = loadTerraformModule(dir, [join(dir, 'main.tf')], { vars: {} });
  return (address: string, key: string): Value => m.resources.find((x) => x.address === address)!.values.props.get(key)!;
}

/** The value at a dotted path (numbers index lists). */
function at(v: Value | undefined, path: string): Value | undefined {
  for (const p of path.split('.')) {
    if (!v) return undefined;
    if (v.k === 'list') v = v.items[Number(p)];
    else if (v.k === 'object') v = v.props.get(p);
    else return undefined;
  }
  return v;
}
const text = (v: Value | undefined) => (v && v.k === 'scalar' ? v.v : v?.k);

test('jsonencode of a document with a variable in one value: unknown text, the document with that value unknown', () => {
  const get = load([
    'variable "bucket_arn" { type = string }',
    'resource "aws_s3_bucket" "b" { bucket = "b" }',
    'resource "aws_iam_policy" "p" {',
    '  policy = jsonencode({',
    '    Version   = "2012-10-17"',
    '    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = ["${var.bucket_arn}/*", aws_s3_bucket.b.arn] }]',
    '  })',
    '}',
  ].join('\n'));
  const policy = get('aws_iam_policy.p', 'policy');
  assert.equal(policy.k, 'unknown');
  assert.match(policy.k === 'unknown' ? policy.reason : '', /var\.bucket_arn/);
  const doc = jsonDocument(policy);
  assert.equal(doc.k, 'object');
  assert.equal(text(at(doc, 'Version')), '2012-10-17');
  assert.equal(text(at(doc, 'Statement.0.Effect')), 'Allow');
  assert.equal(text(at(doc, 'Statement.0.Action.0')), 's3:GetObject');
  assert.equal(at(doc, 'Statement.0.Resource.0')?.k, 'unknown');
  // A reference reads as its placeholder text, as in a known document.
  assert.equal(text(at(doc, 'Statement.0.Resource.1')), '${aws_s3_bucket.b.arn}');
  // Every value stands where the document is written.
  assert.equal(at(doc, 'Statement.0.Action.0')?.loc.line, 4);
});

test('a policy document data source with a variable in a statement value reads as the document with that value unknown', () => {
  const get = load([
    'variable "reader" { type = string }',
    'data "aws_iam_policy_document" "d" {',
    '  statement {',
    '    actions   = ["s3:GetObject"]',
    '    resources = ["arn:aws:s3:::b/*"]',
    '    principals {',
    '      type        = "AWS"',
    '      identifiers = [var.reader]',
    '    }',
    '  }',
    '}',
    'resource "aws_s3_bucket_policy" "p" {',
    '  bucket = "b"',
    '  policy = data.aws_iam_policy_document.d.json',
    '}',
  ].join('\n'));
  const policy = get('aws_s3_bucket_policy.p', 'policy');
  assert.equal(policy.k, 'unknown');
  const doc = jsonDocument(policy);
  assert.equal(text(at(doc, 'Statement.0.Action')), 's3:GetObject');
  assert.equal(text(at(doc, 'Statement.0.Resource')), 'arn:aws:s3:::b/*');
  assert.equal(at(doc, 'Statement.0.Principal.AWS')?.k, 'unknown');
});

test('a data source whose unknown decides more than a value (a source document, a principal type) stays unknown or unknown there', () => {
  const get = load([
    'variable "extra" { type = string }',
    'variable "kind" { type = string }',
    'data "aws_iam_policy_document" "src" {',
    '  source_policy_documents = [var.extra]',
    '  statement {',
    '    actions   = ["s3:GetObject"]',
    '    resources = ["*"]',
    '  }',
    '}',
    'data "aws_iam_policy_document" "kind" {',
    '  statement {',
    '    actions   = ["s3:GetObject"]',
    '    resources = ["*"]',
    '    principals {',
    '      type        = var.kind',
    '      identifiers = ["*"]',
    '    }',
    '  }',
    '}',
    'resource "aws_s3_bucket_policy" "src" {',
    '  bucket = "b"',
    '  policy = data.aws_iam_policy_document.src.json',
    '}',
    'resource "aws_s3_bucket_policy" "kind" {',
    '  bucket = "b"',
    '  policy = data.aws_iam_policy_document.kind.json',
    '}',
  ].join('\n'));
  // A source document known only at apply may add or replace statements: nothing is read.
  assert.equal(jsonDocument(get('aws_s3_bucket_policy.src', 'policy')).k, 'unknown');
  // A principal type known only at apply leaves the whole principal unknown.
  const doc = jsonDocument(get('aws_s3_bucket_policy.kind', 'policy'));
  assert.equal(text(at(doc, 'Statement.0.Action')), 's3:GetObject');
  assert.equal(at(doc, 'Statement.0.Principal')?.k, 'unknown');
});

test('a document known in full is unchanged: a JSON text', () => {
  const get = load([
    'resource "aws_iam_policy" "p" {',
    '  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })',
    '}',
  ].join('\n'));
  const policy = get('aws_iam_policy.p', 'policy');
  assert.equal(policy.k, 'scalar');
  assert.equal(text(at(jsonDocument(policy), 'Statement.0.Action')), 's3:GetObject');
});
