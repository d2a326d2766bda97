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
  // The called module is read through its caller: one unit, spanning both folders, counting the
  // resources as declared (two buckets and the versioning resource that merges into one).
  assert.deepEqual(s.sources.map((x) => [x.file, x.format, x.resources, x.errors]), [[dir, 'terraform', 3, []]]);
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

test('a .tfvars file Terraform does not load by itself is listed as skipped, its values not used', () => {
  const { dir, s, findings } = scan({ 'main.tf': MAIN, 'prod.tfvars': 'versioning = true\n', 'modules/bucket/main.tf': MODULE });
  assert.deepEqual(s.skipped.filter((x) => x.file.endsWith('.tfvars')), [{ file: join(dir, 'prod.tfvars'), reason: 'Terraform variables file Terraform reads only when named with -var-file; its values are not used (name it with --var-file, or give values with --param NAME=VALUE)' }]);
  assert.equal(findings.find((f) => f.resource.id === 'aws_s3_bucket.logs')!.status, 'unknown');
  assert.deepEqual([...s.templates[0]!.parameters.keys()], ['var.versioning']);
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

test('suppressions in HCL comments: Checkov, Trivy (above the block), tfsec long ids, and Attest\'s own with its reason and expiry rules', () => {
  const bucket = (name: string, comment: string, above = '') => `${above}resource "aws_s3_bucket" "${name}" {\n  ${comment}\n  bucket = "${name}"\n}\n`;
  const { dir, s, findings } = scan({
    'main.tf': [
      bucket('ck', '#checkov:skip=CKV_AWS_21:versions are kept by replication'),
      bucket('tv', '', '# trivy:ignore:AVD-AWS-0090\n'),
      bucket('tf', '#tfsec:ignore:aws-s3-enable-versioning'),
      bucket('at', '# attest:suppress AT-S3-005: scratch data, rebuilt nightly (SEC-7)'),
      bucket('old', '# attest:suppress AT-S3-005 until 2025-06-30: was temporary'),
      bucket('noreason', '# attest:suppress AT-S3-005'),
      bucket('other', '#checkov:skip=CKV_AWS_18:logging is another control'),
    ].join('\n'),
  });
  const f = (id: string) => findings.find((x) => x.resource.id === `aws_s3_bucket.${id}`)!;
  const file = join(dir, 'main.tf');
  assert.deepEqual([f('ck').status, f('ck').suppression], ['suppressed', { source: 'checkov', reason: 'versions are kept by replication', file, line: 2, column: 3 }]);
  assert.deepEqual([f('tv').status, f('tv').suppression?.source, f('tv').suppression?.line], ['suppressed', 'trivy', 6]);
  assert.deepEqual([f('tf').status, f('tf').suppression?.source], ['suppressed', 'tfsec']);
  assert.deepEqual([f('at').status, f('at').suppression?.reason], ['suppressed', 'scratch data, rebuilt nightly (SEC-7)']);
  assert.equal(f('old').status, 'fail');
  assert.equal(f('old').suppression?.expired, true);
  assert.match(f('old').message, /suppression expired on 2025-06-30/);
  assert.equal(f('noreason').status, 'fail');
  assert.equal(f('other').status, 'fail');
  assert.deepEqual(s.sources[0]!.errors.map((e) => [e.line, e.message]), [[28, 'aws_s3_bucket.noreason: suppression of AT-S3-005 needs a reason; it is ignored until one is given']]);
});

test('aws_s3_bucket_logging sets the bucket\'s logging', async () => {
  const s3AccessLogging = (await import('../../../src/controls/audit/s3AccessLogging.js')).default;
  const dir = tfDir({ 'main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\nresource "aws_s3_bucket_logging" "b" {\n  bucket        = aws_s3_bucket.b.id\n  target_bucket = "acme-logs"\n}\n' });
  const s = loadSources([dir], {});
  const { findings } = evaluate(s.templates, s.sources, { controls: [s3AccessLogging], today: '2026-01-01' });
  assert.deepEqual(findings.map((x) => [x.resource.id, x.status, x.location.line]), [['aws_s3_bucket.b', 'pass', 6]]);
});

test('--var-file values are used as Terraform uses -var-file (after terraform.tfvars, before --param), and the named file is not listed as skipped', () => {
  const dir = tfDir({ 'main.tf': MAIN, 'modules/bucket/main.tf': MODULE, 'prod.tfvars': 'versioning = true\n', 'terraform.tfvars': 'versioning = false\n' });
  const run = (opts: { varFiles?: string[]; params?: Record<string, string> }) => {
    const s = loadSources([dir], opts);
    const { findings } = evaluate(s.templates, s.sources, { controls: [s3Versioning], params: opts.params ?? {}, today: '2026-01-01' });
    return { s, status: findings.find((f) => f.resource.id === 'aws_s3_bucket.logs')!.status };
  };
  const without = run({});
  assert.equal(without.status, 'fail', 'terraform.tfvars alone says Suspended');
  assert.ok(without.s.skipped.some((x) => x.file.endsWith('prod.tfvars') && /--var-file/.test(x.reason)));
  const named = run({ varFiles: [join(dir, 'prod.tfvars')] });
  assert.equal(named.status, 'pass');
  assert.equal(named.s.skipped.some((x) => x.file.endsWith('prod.tfvars')), false);
  assert.equal(run({ varFiles: [join(dir, 'prod.tfvars')], params: { versioning: 'false' } }).status, 'fail', '--param wins');
});
