import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { CONTROLS } from '../../../src/controls/index.js';
import { evaluate } from '../../../src/engine/scan.js';
import { getPath } from '../../../src/model/value.js';
import { loadSources } from '../../../src/sources/index.js';

// A root module, a local module it calls with a count Terraform decided, and a remote
// module, with the plan `terraform show -json` wrote for them.
const MAIN = `variable "name" {}
variable "algo" {}

resource "aws_s3_bucket" "logs" {
  bucket = var.name
  tags   = { team = "core" }
  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = var.algo
    }
  }
}

# checkov:skip=CKV_AWS_18:access logs of the log bucket would loop
resource "aws_s3_bucket" "quiet" {
  bucket = "quiet"
}

module "store" {
  source = "./store"
}

module "remote" {
  source = "terraform-aws-modules/s3-bucket/aws"
}
`;

const STORE = `variable "n" {}

resource "aws_s3_bucket" "data" {
  count         = var.n
  bucket_prefix = "data-"
}
`;

const res = (address: string, type: string, name: string, values: object, index?: number) => ({ address, mode: 'managed', type, name, ...(index !== undefined ? { index } : {}), values, sensitive_values: {} });

const PLAN = JSON.stringify({
  format_version: '1.2', terraform_version: '1.7.5',
  planned_values: {
    root_module: {
      resources: [
        res('aws_s3_bucket.logs', 'aws_s3_bucket', 'logs', { bucket: 'acme-logs', force_destroy: false, tags: { team: 'core' } }),
        res('aws_s3_bucket_server_side_encryption_configuration.logs', 'aws_s3_bucket_server_side_encryption_configuration', 'logs', { rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms' }] }] }),
        res('aws_s3_bucket.quiet', 'aws_s3_bucket', 'quiet', { bucket: 'quiet', force_destroy: false }),
      ],
      child_modules: [
        { address: 'module.store', resources: [0, 1].map((i) => res(`module.store.aws_s3_bucket.data[${i}]`, 'aws_s3_bucket', 'data', { bucket_prefix: 'data-' }, i)) },
        { address: 'module.remote', resources: [res('module.remote.aws_s3_bucket.this[0]', 'aws_s3_bucket', 'this', { bucket: 'remote' }, 0)] },
      ],
    },
  },
  resource_changes: [
    { address: 'aws_s3_bucket_server_side_encryption_configuration.logs', change: { actions: ['create'], after_unknown: { bucket: true, id: true } } },
  ],
  configuration: {
    root_module: {
      resources: [
        { address: 'aws_s3_bucket.logs' },
        { address: 'aws_s3_bucket_server_side_encryption_configuration.logs', expressions: { bucket: { references: ['aws_s3_bucket.logs.id', 'aws_s3_bucket.logs'] } } },
        { address: 'aws_s3_bucket.quiet' },
      ],
      module_calls: {
        store: { source: './store', module: { resources: [{ address: 'aws_s3_bucket.data' }] } },
        remote: { source: 'terraform-aws-modules/s3-bucket/aws', module: { resources: [{ address: 'aws_s3_bucket.this' }] } },
      },
    },
  },
}, null, 2);

function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${needle} not found`);
  return i + 1;
}

function workspace(main = MAIN): string {
  const dir = mkdtempSync(join(tmpdir(), 'attest-planhcl-'));
  writeFileSync(join(dir, 'main.tf'), main);
  mkdirSync(join(dir, 'store'));
  writeFileSync(join(dir, 'store', 'main.tf'), STORE);
  writeFileSync(join(dir, 'plan.json'), PLAN);
  return dir;
}

test('plan with its configuration: one unit, the plan, whose values are located at the .tf lines that wrote them', () => {
  const dir = workspace();
  const loaded = loadSources([dir], {});
  assert.deepEqual(loaded.sources.map((s) => s.format), ['terraform-plan'], 'the folder is not assessed a second time');
  const src = loaded.sources[0]!;
  assert.ok(src.warnings?.some((w) => /planned from the configuration in .* supersedes it/.test(w.message) && /1 resource the scanned configuration does not show/.test(w.message)), JSON.stringify(src.warnings));
  const t = loaded.templates[0]!;
  assert.ok(t.files?.some((f) => f.endsWith('main.tf')) && t.files?.some((f) => f.endsWith('plan.json')));
  const logs = t.resources.get('aws_s3_bucket.logs')!;
  assert.ok(logs.file.endsWith('main.tf'));
  assert.equal(logs.loc.line, lineOf(MAIN, 'resource "aws_s3_bucket" "logs"'));
  // The plan's resolved value (the variable has no value in the configuration), at the argument that wrote it.
  const name = getPath(logs.properties, 'BucketName');
  assert.deepEqual(name?.k === 'scalar' && [name.v, name.loc.file.endsWith('main.tf'), name.loc.line], ['acme-logs', true, lineOf(MAIN, 'bucket = var.name')]);

  const { findings } = evaluate(loaded.templates, loaded.sources, { controls: CONTROLS, today: '2026-01-01' });
  const s3 = (id: string) => findings.find((f) => f.controlId === 'AT-S3-001' && f.resource.id === id)!;
  const enc = s3('aws_s3_bucket.logs');
  assert.equal(enc.status, 'pass');
  assert.ok(enc.location.file.endsWith('main.tf'), enc.location.file);
  assert.ok([lineOf(MAIN, 'rule {'), lineOf(MAIN, 'sse_algorithm')].includes(enc.location.line), String(enc.location.line));
  // Each instance of the counted block fails at the block in the module's file.
  for (const i of [0, 1]) {
    const d = s3(`module.store.aws_s3_bucket.data[${i}]`);
    assert.equal(d.status, 'fail');
    assert.deepEqual([d.location.file.endsWith('store/main.tf'), d.location.line], [true, lineOf(STORE, 'resource "aws_s3_bucket" "data"')]);
  }
  // A remote module is not read: its resources keep their place in the plan.
  const remote = s3('module.remote.aws_s3_bucket.this[0]');
  assert.deepEqual([remote.location.file.endsWith('plan.json'), remote.location.line], [true, lineOf(PLAN, '"address": "module.remote.aws_s3_bucket.this[0]"')]);
  // The configuration's suppression comments and lifecycle block, which the plan does not record, apply.
  const quiet = findings.find((f) => f.resource.id === 'aws_s3_bucket.quiet' && f.references.checkov.includes('CKV_AWS_18'));
  assert.equal(quiet?.status, 'suppressed');
  const lc = findings.filter((f) => f.resource.id === 'aws_s3_bucket.logs' && f.evidence.some((e) => /prevent_destroy/.test(e.origin ?? e.path)));
  assert.ok(lc.length && lc.every((f) => f.status !== 'unknown' && f.location.file.endsWith('main.tf')), JSON.stringify(lc.map((f) => [f.controlId, f.status, f.location])));
});

test('plan with a configuration it was not planned from: both are assessed, the plan at its own lines', () => {
  const dir = workspace(MAIN + '\nresource "aws_sqs_queue" "extra" {}\n');
  const loaded = loadSources([dir], {});
  assert.deepEqual(loaded.sources.map((s) => s.format).sort(), ['terraform', 'terraform-plan']);
  const plan = loaded.templates.find((t) => t.format === 'terraform-plan')!;
  const logs = plan.resources.get('aws_s3_bucket.logs')!;
  assert.deepEqual([logs.file.endsWith('plan.json'), logs.loc.line], [true, lineOf(PLAN, '"address": "aws_s3_bucket.logs"')]);
});

test('plan scanned without its configuration keeps the plan locations', () => {
  const dir = workspace();
  const loaded = loadSources([join(dir, 'plan.json')], {});
  assert.deepEqual(loaded.sources.map((s) => s.format), ['terraform-plan']);
  const logs = loaded.templates[0]!.resources.get('aws_s3_bucket.logs')!;
  assert.ok(logs.file.endsWith('plan.json'));
  assert.ok(!loaded.sources[0]!.warnings?.some((w) => /planned from/.test(w.message)));
});

test('plan whose configuration has errors: not mapped onto it, both assessed, the plan says why', () => {
  const dir = workspace(MAIN.replace('variable "algo" {}', 'variable "algo" {}\nlocals {\n  a = 1\n  a = 2\n}'));
  const loaded = loadSources([dir], {});
  assert.deepEqual(loaded.sources.map((s) => s.format).sort(), ['terraform', 'terraform-plan']);
  const plan = loaded.sources.find((s) => s.format === 'terraform-plan')!;
  assert.ok(plan.warnings?.some((w) => /which has errors/.test(w.message)), JSON.stringify(plan.warnings));
});

test('plan with its configuration: a jsonencode policy\'s statements are located at their lines, with the plan\'s resolved values', async () => {
  const { default: noAdmin } = await import('../../../src/controls/iam/noAdminStatements.js');
  const main = `variable "bucket_arn" {}

resource "aws_iam_policy" "p" {
  name = "p"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "s3:GetObject"
        Resource = var.bucket_arn
      },
      {
        Effect   = "Allow"
        Action   = "*"
        Resource = "*"
      }
    ]
  })
}
`;
  const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }, { Effect: 'Allow', Action: '*', Resource: '*' }] });
  const plan = JSON.stringify({
    format_version: '1.2', terraform_version: '1.7.5',
    planned_values: { root_module: { resources: [res('aws_iam_policy.p', 'aws_iam_policy', 'p', { name: 'p', policy })] } },
    configuration: { root_module: { resources: [{ address: 'aws_iam_policy.p' }] } },
  }, null, 2);
  const dir = mkdtempSync(join(tmpdir(), 'attest-planhcl-'));
  writeFileSync(join(dir, 'main.tf'), main);
  writeFileSync(join(dir, 'plan.json'), plan);
  const loaded = loadSources([dir], {});
  assert.deepEqual(loaded.sources.map((s) => s.format), ['terraform-plan']);
  const { findings } = evaluate(loaded.templates, loaded.sources, { controls: [noAdmin], today: '2026-01-01' });
  assert.equal(findings[0]!.status, 'fail');
  assert.ok(findings[0]!.location.file.endsWith('main.tf'));
  assert.equal(findings[0]!.location.line, lineOf(main, 'Action   = "*"') - 2);
  const doc = getPath(loaded.templates[0]!.resources.get('aws_iam_policy.p')!.properties, 'PolicyDocument');
  const first = doc?.k === 'object' && doc.props.get('Statement');
  const r = first && first.k === 'list' ? getPath(first.items[0], 'Resource') : undefined;
  assert.deepEqual(r?.k === 'scalar' && [r.v, r.loc.line], ['arn:aws:s3:::b/*', lineOf(main, 'Resource = var.bucket_arn')]);
});
