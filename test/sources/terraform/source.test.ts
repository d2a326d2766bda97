import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import s3Versioning from '../../../src/controls/resilience/s3Versioning.js';
import { evaluate } from '../../../src/engine/scan.js';
import { loadSources, readableFormats } from '../../../src/sources/index.js';

function tfDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'attest-tfsrc-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const MAIN = [
  'variable "versioning" {', //            1
  '  type = bool', //                       2
  '}', //                                   3
  '', //                                    4
  'resource "aws_s3_bucket" "logs" {', //   5
  '  bucket = "acme-logs"', //              6
  '}', //                                   7
  '', //                                    8
  'resource "aws_s3_bucket_versioning" "logs" {', // 9
  '  bucket = aws_s3_bucket.logs.id', //    10
  '  versioning_configuration {', //        11
  '    status = var.versioning ? "Enabled" : "Suspended"', // 12 <-- deciding argument
  '  }', //                                 13
  '}', //                                   14
  '', //                                    15
  'module "data" {', //                     16
  '  source = "./modules/bucket"', //       17
  '}', //                                   18
].join('\n');

const MODULE = 'resource "aws_s3_bucket" "this" {\n  bucket = "acme-data"\n  versioning {\n    enabled = true\n  }\n}\n';

function scan(files: Record<string, string>, params: Record<string, string> = {}) {
  const dir = tfDir(files);
  const s = loadSources([dir], { params });
  const { findings } = evaluate(s.templates, s.sources, { controls: [s3Versioning], params, today: '2026-01-01' });
  return { dir, s, findings };
}

test('a .tf folder scanned through loadSources and the engine: the S3 versioning fail points at the deciding argument', () => {
  const { dir, s, findings } = scan({ 'main.tf': MAIN, 'terraform.tfvars': 'versioning = false\n', 'modules/bucket/main.tf': MODULE });
  // The called module is read through its caller: one unit, spanning both folders.
  assert.deepEqual(s.sources.map((x) => [x.file, x.format, x.resources, x.errors]), [[dir, 'terraform', 2, []]]);
  assert.deepEqual(s.templates[0]!.files, [join(dir, 'main.tf'), join(dir, 'modules/bucket/main.tf'), join(dir, 'terraform.tfvars')]);
  const logs = findings.find((f) => f.resource.id === 'aws_s3_bucket.logs')!;
  assert.equal(logs.status, 'fail');
  assert.deepEqual(logs.location, { file: join(dir, 'main.tf'), line: 12, column: 5 });
  assert.equal(logs.resource.sourceType, 'aws_s3_bucket');
  assert.deepEqual(logs.evidence.map((e) => [e.origin, e.value, e.line]), [['aws_s3_bucket_versioning.logs.versioning_configuration[0].status', '"Suspended"', 12]]);
  const data = findings.find((f) => f.resource.id === 'module.data.aws_s3_bucket.this')!;
  assert.equal(data.status, 'pass');
  assert.deepEqual(data.location, { file: join(dir, 'modules/bucket/main.tf'), line: 4, column: 5 });
});

test('--param decides a Terraform variable; without any value the finding is unknown and names the variable', () => {
  const pass = scan({ 'main.tf': MAIN, 'modules/bucket/main.tf': MODULE }, { versioning: 'true' });
  assert.equal(pass.findings.find((f) => f.resource.id === 'aws_s3_bucket.logs')!.status, 'pass');
  const open = scan({ 'main.tf': MAIN, 'modules/bucket/main.tf': MODULE });
  const f = open.findings.find((x) => x.resource.id === 'aws_s3_bucket.logs')!;
  assert.equal(f.status, 'unknown');
  assert.deepEqual(f.dependsOn, ['var.versioning']);
  assert.equal(f.location.line, 12);
});

test('parse errors are reported with file, line and column, and the rest of the folder is still read', () => {
  const { dir, s, findings } = scan({ 'main.tf': MAIN.replace('module "data" {', 'module "data" {{'), 'b.tf': 'resource "aws_s3_bucket" "other" {\n  bucket = "x"\n}\n' });
  assert.deepEqual(s.sources[0]!.errors, [{ file: join(dir, 'main.tf'), line: 16, column: 16, message: 'expected an argument name or a block type, found "{"' }]);
  assert.ok(findings.some((f) => f.resource.id === 'aws_s3_bucket.other'));
  assert.ok(findings.some((f) => f.resource.id === 'aws_s3_bucket.logs'));
});

test('Terraform is among the formats Attest says it reads; .tf.json stays listed as unsupported', () => {
  assert.match(readableFormats(), /Terraform configurations \(\.tf\)/);
  const dir = tfDir({ 'main.tf.json': '{}' });
  const s = loadSources([dir], {});
  assert.deepEqual(s.templates, []);
  assert.match(s.skipped[0]!.reason, /^Terraform in JSON syntax/);
});
